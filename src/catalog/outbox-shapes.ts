/**
 * How to insert an outbox row with a transaction handle, per database family, as text
 * templates for the `no-dual-write` suggestion. Placeholders: `{handle}` the transaction
 * handle (`tx`), `{topic}` a string literal, `{payload}` the payload expression,
 * `{model}` / `{entity}` / `{table}` the configured outbox names.
 */
export const OUTBOX_INSERT_SHAPES: Readonly<Record<string, string>> = {
  prisma: '{handle}.{model}.create({ data: { topic: {topic}, payload: {payload} } })',
  'typeorm-manager': '{handle}.save({entity}, { topic: {topic}, payload: {payload} })',
  knex: "{handle}('{table}').insert({ topic: {topic}, payload: JSON.stringify({payload}) })",
  'sequelize-transaction': '{entity}.create({ topic: {topic}, payload: {payload} }, { transaction: {handle} })',
  drizzle: '{handle}.insert({model}).values({ topic: {topic}, payload: {payload} })',
  kysely: "{handle}.insertInto('{table}').values({ topic: {topic}, payload: JSON.stringify({payload}) }).execute()",
  'mikro-orm': '{handle}.insert({entity}, { topic: {topic}, payload: {payload} })',
};
