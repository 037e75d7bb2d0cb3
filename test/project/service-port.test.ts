import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getServicePort } from '../../src/project/workspace/service-port.js';
import { writeProject } from './helpers.js';

const EXPRESS = { name: 'orders-service', private: true, dependencies: { express: '^4.21.0' } };
const NEST = { name: 'shop', private: true, dependencies: { '@nestjs/core': '^11.0.0' } };

describe('getServicePort', () => {
  it('reads the default of `listen(process.env.PORT || 3001)` in the entry file', () => {
    const root = writeProject({ 'package.json': EXPRESS, 'src/index.js': "app.listen(process.env.PORT || 3001, () => {});\n", 'src/routes/orders.js': '' });
    expect(getServicePort(path.join(root, 'src', 'routes', 'orders.js'))).toBe('3001');
  });

  it('reads a literal port, a PORT constant and a .env', () => {
    expect(getServicePort(path.join(writeProject({ 'package.json': EXPRESS, 'server.js': 'app.listen(4002);\n' }), 'lib', 'x.js'))).toBe('4002');
    expect(getServicePort(path.join(writeProject({ 'package.json': EXPRESS, 'src/app.ts': "const PORT = process.env.PORT ?? '4003';\napp.listen(PORT);\n" }), 'src', 'x.ts'))).toBe('4003');
    expect(getServicePort(path.join(writeProject({ 'package.json': EXPRESS, '.env': 'PORT=4004\n', 'src/index.js': 'app.listen(process.env.PORT);\n' }), 'src', 'x.js'))).toBe('4004');
  });

  it("reads each service's own entry in a package of several services (a NestJS monorepo)", () => {
    const root = writeProject({
      'package.json': NEST,
      'apps/payments/src/main.ts': 'await app.listen(process.env.port ?? 3004);\n',
      'apps/orders/src/main.ts': 'await app.listen(process.env.port ?? 3002);\n',
    });
    expect(getServicePort(path.join(root, 'apps', 'payments', 'src', 'webhooks', 'simulator.controller.ts'))).toBe('3004');
    expect(getServicePort(path.join(root, 'apps', 'orders', 'src', 'orders.service.ts'))).toBe('3002');
  });

  it('knows no port when the entry files name several, or none, or the package serves nothing', () => {
    expect(getServicePort(path.join(writeProject({ 'package.json': EXPRESS, 'src/index.js': 'app.listen(3001);\nadmin.listen(3901);\n' }), 'src', 'x.js'))).toBeUndefined();
    expect(getServicePort(path.join(writeProject({ 'package.json': EXPRESS, 'src/index.ts': "export * from './orders';\n" }), 'src', 'x.ts'))).toBeUndefined();
    expect(getServicePort(path.join(writeProject({ 'package.json': { name: 'shared', private: true }, 'src/index.js': 'app.listen(3001);\n' }), 'src', 'x.js'))).toBeUndefined();
  });
});
