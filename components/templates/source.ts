import type { CheckResult } from '@/lib/checks/types';
import { send } from '@/lib/messaging/client';
import type { StoredTemplate, TemplatesContext } from '@/lib/messaging/templates';
import type { Network } from '@/lib/store/schema';

export type { StoredTemplate, TemplatesContext };

/** Where the picker gets its data. In the page and the popup: background messages (`templates-*`). */
export interface TemplateSource {
  list(): Promise<StoredTemplate[]>;
  context(): Promise<TemplatesContext>;
  /** Checks a filled template with the engine (and the spell checker, in the background). */
  check(text: string): Promise<CheckResult>;
  markUsed(id: number): Promise<void>;
}

export interface MessageSourceOptions {
  network?: Network;
  communityId?: string;
  /** `reply` for comments, `message` for community messages. */
  mode: 'reply' | 'message';
  /** The author of the comment being answered (for the greeting check). */
  authorName?: string;
}

/** The picker's data through background messages; a content script never opens IndexedDB itself. */
export function messageSource(o: MessageSourceOptions): TemplateSource {
  const page = { network: o.network, communityId: o.network ? o.communityId : undefined };
  return {
    list: () => send<StoredTemplate[]>({ type: 'templates-list' }),
    context: () => send<TemplatesContext>({ type: 'templates-context', ...page }),
    check: (text) =>
      send<CheckResult>({
        type: 'templates-check',
        text,
        mode: o.mode,
        ...page,
        authorName: o.authorName || undefined,
      }),
    markUsed: async (id) => {
      await send<boolean>({ type: 'templates-mark-used', id });
    },
  };
}
