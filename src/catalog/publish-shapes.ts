/**
 * How to publish with each broker handle, as text templates for suggestions. Placeholders:
 * `{handle}` the broker handle as written in the file (`this.producer`), `{topic}` the topic
 * as a string literal, `{payload}` the payload expression, `{envPrefix}` the topic in
 * UPPER_SNAKE_CASE for env-var names; for durable execution engines, `{name}` the workflow or
 * task to start as a string literal (a command: `payments.create`) and `{queue}` the target
 * service's name as a string literal.
 */

export interface PublishShape {
  /** broker family id (see brokers.ts) */
  readonly family: string;
  /** the module the handle comes from must be one of these (empty: any) */
  readonly modules?: readonly string[];
  /** name for the suggestion message: "Kafka topic", "BullMQ queue" */
  readonly destination: string;
  readonly template: string;
  /** named imports from the handle's module that the call needs (`SendMessageCommand`) */
  readonly needs?: readonly string[];
  /** the payload is serialised by the template (so pass the object, not a JSON string) */
  readonly serialises: boolean;
  /** what the call does, when it is not a publish: sends an engine's event, or starts its workflow or task */
  readonly verb?: 'send' | 'start';
}

export const PUBLISH_SHAPES: readonly PublishShape[] = [
  {
    family: 'kafka-producer',
    destination: 'Kafka topic',
    template: '{handle}.send({ topic: {topic}, messages: [{ value: JSON.stringify({payload}) }] })',
    serialises: true,
  },
  { family: 'bull-queue', destination: 'BullMQ queue job', template: '{handle}.add({topic}, {payload})', serialises: false },
  {
    family: 'amqp-channel',
    destination: 'RabbitMQ queue',
    template: '{handle}.sendToQueue({topic}, Buffer.from(JSON.stringify({payload})), { persistent: true })',
    serialises: true,
  },
  { family: 'nest-client', destination: 'event pattern', template: '{handle}.emit({topic}, {payload})', serialises: false },
  {
    family: 'aws-v3',
    modules: ['@aws-sdk/client-sqs'],
    destination: 'SQS queue',
    template: '{handle}.send(new SendMessageCommand({ QueueUrl: process.env.{envPrefix}_QUEUE_URL, MessageBody: JSON.stringify({payload}) }))',
    needs: ['SendMessageCommand'],
    serialises: true,
  },
  {
    family: 'aws-v3',
    modules: ['@aws-sdk/client-sns'],
    destination: 'SNS topic',
    template: '{handle}.send(new PublishCommand({ TopicArn: process.env.{envPrefix}_TOPIC_ARN, Message: JSON.stringify({payload}) }))',
    needs: ['PublishCommand'],
    serialises: true,
  },
  {
    family: 'pubsub',
    destination: 'Pub/Sub topic',
    template: '{handle}.topic({topic}).publishMessage({ json: {payload} })',
    serialises: false,
  },
  { family: 'pubsub-topic', destination: 'Pub/Sub topic', template: '{handle}.publishMessage({ json: {payload} })', serialises: false },
  { family: 'inngest', destination: 'Inngest event', template: '{handle}.send({ name: {topic}, data: {payload} })', serialises: false, verb: 'send' },
  {
    family: 'temporal',
    destination: 'Temporal workflow',
    template: '{handle}.workflow.start({name}, { taskQueue: {queue}, workflowId: /* TODO: a stable business key */ {name}, args: [{payload}] })',
    serialises: false,
    verb: 'start',
  },
  {
    family: 'temporal-workflow',
    destination: 'Temporal workflow',
    template: '{handle}.start({name}, { taskQueue: {queue}, workflowId: /* TODO: a stable business key */ {name}, args: [{payload}] })',
    serialises: false,
    verb: 'start',
  },
  { family: 'trigger-tasks', destination: 'Trigger.dev task', template: '{handle}.trigger({name}, {payload})', serialises: false, verb: 'start' },
];
