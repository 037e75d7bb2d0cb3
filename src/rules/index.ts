import noDualWrite from './no-dual-write.js';
import noSyncCriticalWrite from './no-sync-critical-write.js';

export const rules = {
  'no-dual-write': noDualWrite,
  'no-sync-critical-write': noSyncCriticalWrite,
};
