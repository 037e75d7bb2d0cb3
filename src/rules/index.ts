import noSyncCriticalWrite from './no-sync-critical-write.js';

export const rules = {
  'no-sync-critical-write': noSyncCriticalWrite,
};
