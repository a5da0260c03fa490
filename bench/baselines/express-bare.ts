/**
 * Baseline 1: a bare Express 5 app answering the same public route with the same JSON as
 * authlab (captured from the running API into PUBLIC_JSON_FILE). No middleware at all: this is
 * the ceiling that Express itself allows on this machine.
 */
import { readFileSync } from 'node:fs';
import express from 'express';
import { listen } from './listen.js';

const body: unknown = JSON.parse(readFileSync(process.env.PUBLIC_JSON_FILE!, 'utf8'));
const app = express();

app.get(process.env.PUBLIC_PATH ?? '/api/meta/routes', (_request, response) => {
  response.json(body);
});

listen(app);
