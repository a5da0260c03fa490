export * from './roles.js';
export * from './claims.js';
export * from './errors.js';
export * from './responses.js';
export * from './demo-users.js';
export * from './schemas/auth.schema.js';
export * from './schemas/articles.schema.js';
export * from './schemas/users.schema.js';
