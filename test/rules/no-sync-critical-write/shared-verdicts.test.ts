/**
 * What one lint run learns about other project modules is shared by every file it lints: the
 * calls found to lead nowhere, and whether a request is reported where it is made (its callers
 * are then not reported again). A request's verdict depends on the options, so what was learnt
 * under one set of options never answers for another: the same module, linted in one process
 * first with options that make its request critical on its own and then without them, is
 * reported at the caller the second time.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, rewrite, RULE_NAME, rule } from './helpers.js';

const PACKAGE = { name: 'shop-service', private: true, dependencies: { axios: '^1.7.9', express: '^4.21.0' } };

/** The request: nothing in its own file says it is critical, unless the options name `grants`. */
const REWARDS_CLIENT = `const axios = require('axios');

const REWARDS_URL = process.env.REWARDS_SERVICE_URL;

async function grant(body) {
  return axios.post(\`\${REWARDS_URL}/grants\`, body);
}

module.exports = { grant };
`;

/** The linted module: its argument carries an amount. */
const CHECKOUT = `const { grant } = require('../clients/rewards');

async function completeCheckout(userId, total) {
  await grant({ userId, amount: total });
}

module.exports = { completeCheckout };
`;

// one project for every case: its modules are read once and kept for the whole run
const LINTED = path.join(writeProject({ 'package.json': PACKAGE, 'src/clients/rewards.js': REWARDS_CLIENT, 'src/routes/checkout.js': CHECKOUT }), 'src/routes/checkout.js');

describe('verdicts on other modules are shared between files, never between options', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(CHECKOUT, {
        filename: LINTED,
        sourceType: 'commonjs',
        options: { criticalWords: ['grants'] },
        name: 'with `grants` a critical word, the request is reported in its own module, not at the caller',
      }),
    ],
    invalid: [
      js.invalid(
        CHECKOUT,
        {
          at: 'grant',
          within: 'grant({',
          request: 'POST /grants',
          service: 'rewards',
          evidence: ['payload key "amount"'],
          via: ['grant'],
          suggest: rewrite({ replaced: 'grant({ userId, amount: total })', topic: 'rewards.grants.created', payload: '{ userId, amount: total }' }),
        },
        {
          filename: LINTED,
          sourceType: 'commonjs',
          name: 'linted next without that word, in the same process: the caller supplies the amount and is reported',
        },
      ),
    ],
  });
});
