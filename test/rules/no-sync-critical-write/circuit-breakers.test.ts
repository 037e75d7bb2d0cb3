/**
 * A circuit breaker runs the function it was built with when it is fired, with the fire call's
 * arguments (opossum: `new CircuitBreaker(action, options).fire(...args)`): a write the action
 * sends with an address and a payload the fire call gives is reported at that call. The breaker
 * makes nothing durable.
 */
import { RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

const CHECKOUT = (action: string, body: string) => `
import axios from 'axios';
import CircuitBreaker from 'opossum';

const http = axios.create({ timeout: 5000 });
${action}

export class Checkout {
  private readonly paymentServiceUrl = process.env.PAYMENT_SERVICE_URL ?? 'http://payment-service:3004';

  async pay(sessionId: string, totalAmount: number): Promise<void> {
${body}
  }
}
`;

const FIRE = '    await paymentBreaker.fire(`${this.paymentServiceUrl}/intents`, { sessionId, totalAmount });';

const REPORT = (via: string) => ({
  at: 'paymentBreaker.fire',
  request: 'POST /intents',
  service: 'payment',
  evidence: ['service "payment"', 'payload key "totalAmount"'],
  via: [via],
  suggest: rewrite({
    replaced: 'paymentBreaker.fire(`${this.paymentServiceUrl}/intents`, { sessionId, totalAmount })',
    topic: 'payment.intents.created',
    payload: '{ sessionId, totalAmount }',
  }),
});

tsTester.run(RULE_NAME, rule, {
  valid: [
    ts.valid(
      CHECKOUT('const paymentBreaker = new CircuitBreaker((url: string) => http.get(url), { timeout: 3000 });', "    await paymentBreaker.fire(`${this.paymentServiceUrl}/intents/${sessionId}`);"),
      { name: 'a breaker whose action reads' },
    ),
    ts.valid(
      CHECKOUT('class Launcher { fire(url: string, body: unknown) { return [url, body]; } }\nconst paymentBreaker = new Launcher();', FIRE),
      { name: '`fire` of a class of the project that sends nothing' },
    ),
  ],
  invalid: [
    ts.invalid(
      CHECKOUT('const paymentBreaker = new CircuitBreaker((url: string, body: unknown) => http.post(url, body), { timeout: 3000 });', FIRE),
      REPORT('paymentBreaker.fire'),
      { name: 'an arrow function fired with the address and the payload, named by the fire call' },
    ),
    ts.invalid(
      CHECKOUT('function postJson(url: string, body: unknown) {\n  return http.post(url, body);\n}\nconst paymentBreaker = new CircuitBreaker(postJson);', FIRE),
      REPORT('postJson'),
      { name: 'a function declared elsewhere in the file' },
    ),
  ],
});
