/**
 * Imported first by main.tsx, so it runs before any module checks anything with a schema.
 * zod compiles its object checks with `new Function` where it may; the app's content
 * security policy forbids evaluating strings (`script-src 'self'`), and zod's probe for
 * that was itself a policy violation on every load. The app runs zod without compiling;
 * the server, under no such policy, keeps the compiled checks.
 */
import { config } from 'zod';

config({ jitless: true });
