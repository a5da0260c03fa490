// Lets `npm run exercise` run the learner's TypeScript as it is, decorators and all, with no build
// step: Node's module hooks hand every .ts file to SWC, the same compiler the test suite uses.
import 'reflect-metadata';
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
