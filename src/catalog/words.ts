/**
 * Word lists behind the criticality and target heuristics. Users extend them through the
 * rule options; these are the defaults.
 */

/** Nouns of writes that lose money, goods or commitments when lost or applied twice. */
export const CRITICAL_WORDS: readonly string[] = [
  'payment', 'pay', 'payout', 'transaction', 'transfer', 'order', 'checkout', 'purchase', 'sale', 'sell', 'refund', 'invoice',
  'charge', 'chargeback', 'capture', 'ledger', 'balance', 'wallet', 'withdrawal', 'withdraw', 'deposit', 'booking',
  'reservation', 'reserve', 'stock', 'inventory', 'shipment', 'fulfillment', 'fulfilment', 'billing', 'account',
  'settlement', 'subscription', 'credit', 'debit', 'fund', 'loan', 'trade', 'remittance', 'disbursement', 'escrow',
  'voucher', 'coupon', 'redemption', 'money', 'cash', 'topup', 'recharge',
  // a points balance customers spend as money: loyalty points, reward coins
  'loyalty', 'points',
  // reservations and allocations of scarce things, and their fulfilment
  'seat', 'ticket', 'slot', 'room', 'ride', 'trip', 'vehicle', 'allocation', 'allotment', 'hold', 'claim', 'dispatch', 'appointment',
  'delivery', 'pickup', 'parcel', 'mint', 'contract', 'milestone', 'parking',
  // where the stock is kept: a warehouse picking, packing or holding goods
  'warehouse',
  // identity verification a regulator requires: a verdict lost lets an unverified customer move money, or locks out a verified one
  'kyc',
  // the same nouns in Spanish and Portuguese, in which many services name their routes (`/pagos/transaccion`, `/pedidos`)
  'pago', 'pagamento', 'cobro', 'transaccion', 'transacciones', 'transacao', 'transacoes', 'pedido', 'orden', 'ordenes', 'compra',
  'venta', 'venda', 'factura', 'fatura', 'reembolso', 'saldo', 'billetera', 'carteira', 'inventario', 'estoque', 'reserva',
  'envio', 'entrega', 'transferencia', 'retiro', 'saque', 'deposito', 'cuenta',
];

/**
 * Critical words with a second, harmless sense, and the words that select it when they stand
 * in the request's service or path, or in the folders of the service that sends it: a room of a
 * chat or a video call is not a hotel room, a support ticket is not an event ticket.
 */
export const OTHER_SENSES: Readonly<Record<string, readonly string[]>> = {
  room: [
    'chat', 'stream', 'streaming', 'video', 'call', 'meeting', 'conference', 'voice', 'audio', 'webrtc', 'rtc', 'signaling',
    'signalling', 'socket', 'websocket', 'lobby', 'game', 'participant', 'peer', 'messaging', 'classroom',
  ],
  ticket: ['support', 'helpdesk', 'issue', 'incident', 'complaint', 'bug'],
  warehouse: ['data', 'analytics', 'etl', 'bigquery', 'snowflake', 'redshift', 'lake', 'olap'],
  // a sale of the catalogue (a flash sale, a sale price) or a count of sales, not one made
  sale: ['flash', 'price', 'pricing', 'discount', 'promo', 'promotion', 'campaign', 'banner', 'count', 'counter', 'increment', 'ranking', 'bestseller'],
};

/**
 * Function names that are a critical word alone in another sense: a `dispatch(command)` hands a
 * command or an event on (Redux, command buses, agent bridges); it ships nothing.
 */
export const GENERIC_FUNCTION_NAMES: readonly string[] = ['dispatch'];

/**
 * Path segments that move another service's entity to a new state: `POST /claims/{id}/approve`,
 * `/reservations/{id}/release`. When two services disagree about an entity's state, the system
 * is wrong for good.
 */
export const TRANSITION_VERBS: readonly string[] = [
  'approve', 'reject', 'cancel', 'confirm', 'complete', 'activate', 'deactivate', 'reactivate', 'suspend', 'pause', 'resume', 'close', 'reopen',
  'ship', 'dispatch', 'deliver', 'fulfil', 'fulfill', 'assign', 'unassign', 'allocate', 'deallocate', 'release', 'reserve',
  'book', 'hold', 'claim', 'capture', 'settle', 'refund', 'void', 'expire', 'redeem', 'accept', 'decline', 'finalize',
  'finalise', 'consume', 'mint', 'burn', 'lock', 'unlock', 'reverse', 'rollback', 'revoke', 'terminate', 'ban', 'unban', 'block', 'unblock',
];

/** Payload keys that carry an entity's state: `{ status: 'DISPATCHED' }`, `{ orderState: OrderState.PAID }`. */
export const STATE_KEYS: readonly string[] = ['status', 'state', 'stage', 'phase'];

/**
 * Last path segments that, updated in place (`PATCH /books/{id}/availability`, `PUT
 * /rooms/{id}/stock`), set how much of an entity another service may still hand out.
 */
export const STOCK_SEGMENTS: readonly string[] = ['availability', 'stock', 'inventory', 'seats'];

/** Words of services that own user accounts: creating, suspending or deleting one there is an account's lifecycle. */
export const IDENTITY_SERVICE_WORDS: readonly string[] = ['identity', 'auth', 'authentication', 'iam', 'login', 'user', 'account', 'customer', 'member', 'profile'];

/** Words of a service registry: `POST /register` there announces a service instance, not an account. */
export const SERVICE_REGISTRY_WORDS: readonly string[] = ['discovery', 'registry', 'eureka', 'nacos'];

/** Path words of account creation in an identity service. */
export const ACCOUNT_CREATION_WORDS: readonly string[] = ['register', 'registration', 'signup', 'user', 'account', 'customer', 'member', 'staff'];

/**
 * Nouns of the people an identity service keeps accounts for, besides users: `DELETE
 * /auth/restaurant-owners/{id}` there deletes an account.
 */
export const ACCOUNT_HOLDER_WORDS: readonly string[] = [
  'owner', 'admin', 'administrator', 'operator', 'driver', 'rider', 'courier', 'vendor', 'merchant', 'seller', 'employee',
  'agent', 'partner', 'tenant', 'doctor', 'patient', 'student', 'teacher', 'instructor', 'artisan', 'provider', 'host', 'guest',
  'person', 'people',
];

/** Path words of logging in or checking credentials: a body with a password sent there opens a session, it creates no account. */
export const CREDENTIAL_CHECK_WORDS: readonly string[] = [
  'login', 'signin', 'logout', 'signout', 'session', 'token', 'refresh', 'authenticate', 'authorize', 'verify', 'validate', 'check',
  'password', 'reset', 'forgot', 'change', 'update', 'otp', 'mfa', 'introspect', 'me',
];

/** Payload keys that carry money, quantities or bank details. */
export const CRITICAL_PAYLOAD_KEYS: readonly string[] = [
  'amount', 'total', 'subtotal', 'price', 'cost', 'fee', 'tax', 'currency', 'quantity', 'qty', 'iban', 'bic', 'swift',
  'balance', 'payout', 'debit', 'credit', 'cents', 'minor', 'stock',
  // Spanish and Portuguese: `{ monto }`, `{ importe }`, `{ precio }`, `{ cantidad }`
  'monto', 'importe', 'precio', 'preco', 'cantidad', 'quantidade',
];

/**
 * RPC-style reads sent as POST: they change nothing (`POST /availability`, `POST /quote`).
 * Followed by a command (`POST /availability/hold`), they name what the command acts on.
 */
export const READ_COMMAND_WORDS: readonly string[] = [
  'query', 'lookup', 'check', 'validate', 'validation', 'verify', 'verification', 'quote', 'estimate', 'calculate',
  'calculation', 'simulate', 'simulation', 'availability', 'eligibility', 'preflight', 'evaluate', 'evaluation', 'score',
  'scoring', 'analyze', 'analyse', 'analysis',
  // a model asked for a prediction (`POST /predict` with a ride's features): nothing is written
  'predict', 'prediction', 'inference',
  // a digest computed for a checkout page (`POST /payment/hash`): nothing is written
  'hash', 'checksum',
];

/**
 * Words of a notice. Qualified by a critical word in one path segment and sent to a critical
 * service (`POST booking/…/payment-notification`), the notice is the event itself: they do not
 * count against the write there.
 */
export const NOTICE_WORDS: readonly string[] = ['notification', 'notify'];

/** Words of traffic nobody loses money over; they count against criticality. */
export const NON_CRITICAL_WORDS: readonly string[] = [
  'log', 'logs', 'logging', 'metric', 'metrics', 'telemetry', 'analytics', 'tracking', 'track', 'trace', 'tracing',
  'health', 'healthz', 'healthcheck', 'ping', 'heartbeat', 'cache', 'notification', 'notify', 'email', 'mail', 'sms', 'whatsapp', 'reminder',
  'push', 'audit', 'stats', 'statistics', 'monitoring', 'search', 'recommendation', 'beacon', 'preview',
  'draft', 'feedback', 'report', 'export', 'rating', 'forecast', 'forecasting',
  // events pushed to connected clients (sockets): `POST /emit/booking-status`, a `realtime` service's `/internal/ride-status-update`
  'emit', 'broadcast', 'realtime', 'socket', 'websocket',
  // conversations: a chat message about a ride or an order (`POST /rides/{id}/messages`) moves nothing
  'chat', 'message',
  // endpoints kept for trying things out: `POST /debug/orders/{id}/replay`
  'debug', 'mock',
  // generated text: an assistant's reply is produced again on the next ask
  'ai', 'llm', 'chatbot',
  ...READ_COMMAND_WORDS,
  // derived artefacts: rendering a document is not the write itself
  'render', 'pdf', 'print', 'thumbnail', 'ocr', 'translate', 'geocode',
  // settings and descriptive data: nothing is lost or owed when they are out of date
  'preference', 'setting', 'filter', 'meta', 'metadata', 'avatar', 'theme', 'locale', 'bookmark', 'read', 'seen',
  // pictures of a thing (`POST /rides/{id}/images`): the thing itself is written elsewhere
  'image', 'photo', 'picture',
  'login', 'logout', 'token', 'refresh', 'otp', 'password',
];

/**
 * Path words of resources whose loss is an inconvenience, not a loss (a cart, a wishlist). They
 * outweigh the caller's name (`handlePaymentResult` clearing the cart), not the request's own
 * evidence (`POST /cart/checkout`, a payload with `amount`).
 */
export const MINOR_RESOURCE_WORDS: readonly string[] = ['cart', 'basket', 'wishlist', 'favorite', 'favourite', 'bookmark'];

/** Words of third-party vendors: an env var or host named after one addresses the vendor, not your service. */
export const VENDOR_WORDS: readonly string[] = [
  'stripe', 'paypal', 'braintree', 'adyen', 'square', 'klarna', 'mollie', 'razorpay', 'paystack', 'plaid', 'wise',
  'coinbase', 'twilio', 'sendgrid', 'mailgun', 'mailchimp', 'postmark', 'mandrill', 'slack', 'discord', 'telegram',
  'github', 'gitlab', 'bitbucket', 'google', 'gcp', 'firebase', 'aws', 'azure', 'microsoft', 'facebook', 'twitter',
  'shopify', 'hubspot', 'salesforce', 'zendesk', 'intercom', 'segment', 'mixpanel', 'amplitude', 'datadog', 'sentry',
  'newrelic', 'pagerduty', 'openai', 'anthropic', 'algolia', 'auth0', 'okta', 'cloudflare', 'vercel', 'netlify',
  'heroku', 'dropbox', 'webhook', 'external', 'partner', 'vendor', 'thirdparty', 'upstream',
  // payment providers and banks
  'mpesa', 'flutterwave', 'midtrans', 'xendit', 'payu', 'mercadopago', 'iyzico', 'paytm', 'cashfree', 'phonepe',
  'instamojo', 'momo', 'zalopay', 'vnpay', 'omise', 'authorizenet', 'cybersource', 'worldpay', 'gocardless', 'truelayer',
  'dwolla', 'marqeta', 'lithic', 'checkoutcom', 'paddle', 'chargebee', 'recurly', 'psp', 'getnet', 'pagseguro', 'cielo',
  'pagarme', 'asaas', 'conekta', 'culqi', 'wompi', 'openpay',
  // shipping, messaging, accounting and other SaaS
  'shippo', 'easypost', 'fedex', 'ups', 'dhl', 'usps', 'messagebird', 'vonage', 'nexmo', 'plivo', 'sendinblue', 'brevo',
  'resend', 'ses', 'xero', 'quickbooks', 'netsuite', 'zoho', 'pipedrive', 'freshdesk', 'jira', 'atlassian', 'notion',
  'airtable', 'supabase', 'clerk', 'pusher', 'onesignal', 'expo',
];

/** Infrastructure addressed by URL that is not one of your services. */
export const INFRASTRUCTURE_WORDS: readonly string[] = [
  'elasticsearch', 'elastic', 'opensearch', 'solr', 'vault', 'consul', 'prometheus', 'pushgateway', 'grafana', 'loki',
  'kibana', 'jaeger', 'zipkin', 'otel', 'otlp', 'collector', 'influx', 'influxdb', 'clickhouse', 's3', 'minio',
  'keycloak', 'redis', 'mongo', 'mongodb', 'postgres', 'database', 'db', 'rabbitmq', 'kafka', 'logstash', 'fluentd',
  'splunk', 'dapr',
  // blockchain nodes: daemons a service drives over JSON-RPC or REST, not services of your own
  'lnd', 'bitcoind', 'btcd', 'geth', 'erigon', 'besu', 'nethermind',
];

/**
 * Infrastructure words of stores spoken to in their own protocol, never over HTTP: a host that
 * names itself a service after one of them and is sent an HTTP request
 * (`http://db-service:3000/wallet/recharge`) is an application in front of the store.
 */
export const NON_HTTP_STORE_WORDS: readonly string[] = ['db', 'database', 'redis', 'mongo', 'mongodb', 'postgres', 'rabbitmq', 'kafka'];

/** Words in env/config names and host labels that say "address of a service" but name no service. */
export const GENERIC_ADDRESS_WORDS: readonly string[] = [
  'url', 'uri', 'host', 'hostname', 'dns', 'endpoint', 'addr', 'address', 'origin', 'base', 'baseurl', 'baseuri', 'service', 'services', 'svc', 'srv',
  'urls', 'hosts', 'endpoints', 'addresses',
  'api', 'http', 'https', 'internal', 'server', 'backend', 'root', 'app', 'port', 'config', 'env', 'ms', 'micro',
  'microservice', 'microservices', 'v1', 'v2', 'v3', 'local', 'remote', 'process',
];

/** Prefixes of env vars that frameworks expose to browser code (a browser calling its backend). */
export const BROWSER_ENV_PREFIXES: readonly string[] = [
  'NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'NUXT_PUBLIC_', 'NUXT_ENV_', 'EXPO_PUBLIC_', 'PUBLIC_', 'GATSBY_', 'VUE_APP_',
  'STORYBOOK_',
];
