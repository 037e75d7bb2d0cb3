import { describe, expect, it } from 'vitest';
import { getPackageName } from '../../src/util/package-name.js';

describe('getPackageName', () => {
  it('names the package of a bare specifier, scoped or not, without its subpath', () => {
    expect(getPackageName('axios')).toBe('axios');
    expect(getPackageName('mysql2/promise')).toBe('mysql2');
    expect(getPackageName('drizzle-orm/node-postgres')).toBe('drizzle-orm');
    expect(getPackageName('@prisma/client')).toBe('@prisma/client');
    expect(getPackageName('@mikro-orm/core/entity')).toBe('@mikro-orm/core');
  });
});
