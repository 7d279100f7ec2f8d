import { DEFAULT_PRESET_ID, getPreset } from '../checks/presets';
import type { Preset } from '../checks/types';
import type { AppDB } from './db';
import { findPage, getSettings } from './queries';
import { pageRefKey, type Settings } from './settings';

/**
 * The preset a page is checked with: the one chosen for this page, else the registry's, else the
 * default; «custom» is the user's own preset when there is one. `known` saves a settings read.
 */
export async function presetFor(
  db: AppDB,
  network: 'vk' | 'ok' | undefined,
  communityId: string,
  known?: Settings,
): Promise<Preset> {
  const settings = known ?? (await getSettings(db));
  let id: string | undefined =
    network && communityId ? settings.presetByPage[pageRefKey(network, communityId)] : undefined;
  if (!id && network && communityId) id = (await findPage(db, network, communityId))?.presetId;
  id ||= settings.defaultPresetId || DEFAULT_PRESET_ID;
  if (id === 'custom' && settings.customPreset) return settings.customPreset;
  return getPreset(id);
}
