/**
 * Baseline 3: bare Express 5 with the same middleware the authlab API puts in front of every
 * request — helmet (development options), CORS, cookie-parser, Cache-Control: no-store, the
 * JSON body parser — and the same public route as baseline 1. Set beside baseline 1 and the
 * API, it tells how much of the gap is the middleware and how much is NestJS itself.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import { listen } from './listen.js';

const body: unknown = JSON.parse(readFileSync(process.env.PUBLIC_JSON_FILE!, 'utf8'));
const allowedOrigins = ['http://localhost:5173', 'http://127.0.0.1:5173'];

const app = express();
app.disable('x-powered-by');
// The API gives every answer an id (X-Trace-Id), traced or not.
app.use((_request, response, next) => {
  response.setHeader('X-Trace-Id', randomUUID());
  next();
});
app.use(
  helmet({
    strictTransportSecurity: false,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  }),
);
app.use(
  cors({
    origin: (origin, allow) => allow(null, origin !== undefined && allowedOrigins.includes(origin)),
    credentials: true,
    exposedHeaders: ['X-Trace-Id', 'WWW-Authenticate'],
    maxAge: 600,
  }),
);
app.use('/api', (_request, response, next) => {
  response.setHeader('Cache-Control', 'no-store');
  next();
});
app.use(cookieParser());
app.use(express.json({ limit: '100kb', strict: true }));

app.get(process.env.PUBLIC_PATH ?? '/api/meta/routes', (_request, response) => {
  response.json(body);
});

listen(app);
