import { z } from 'zod';
import { classificationSchema } from '../store/schema';
import { quotaRequestSchemas } from './quota';
import { templatesRequestSchemas } from './templates';

/**
 * Every message between the extension's contexts. Validated with zod on receipt:
 * anything else is answered with `{ ok: false, error }` and changes nothing.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('editor-classified'),
    url: z.string().max(2000),
    classification: classificationSchema,
  }),
  z.object({ type: z.literal('get-tab-state'), tabId: z.number().int().optional() }),
  z.object({ type: z.literal('get-status') }),
  z.object({
    type: z.literal('check'),
    /** The draft. Never leaves the browser: checked in the background and forgotten. */
    text: z.string().max(200_000),
    mode: z.enum(['post', 'reply', 'message']),
    url: z.string().max(2000),
    network: z.enum(['vk', 'ok']),
    communityId: z.string().max(64),
    authorName: z.string().max(200).optional(),
  }),
  z.object({ type: z.literal('suggest'), word: z.string().min(1).max(100) }),
  z.object({ type: z.literal('add-word'), word: z.string().min(1).max(100) }),
  z.object({ type: z.literal('disable-rule'), rule: z.string().min(1).max(100) }),
  z.object({ type: z.literal('get-page-settings'), host: z.string().max(200) }),
  ...quotaRequestSchemas,
  ...templatesRequestSchemas,
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

export type Response<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

export function ok<T>(data: T): Response<T> {
  return { ok: true, data };
}
export function fail(error: string): Response<never> {
  return { ok: false, error };
}
