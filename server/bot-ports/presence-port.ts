// The bot's presence port over Graph's getPresencesByUserId.
import type { Availability, PresenceInfo, PresencePort } from '../../bot';
import { mapped } from './port-error';
import type { PresenceApi } from './types';

const AVAILABILITY: ReadonlySet<string> = new Set<Availability>([
  'Available',
  'AvailableIdle',
  'Away',
  'BeRightBack',
  'Busy',
  'BusyIdle',
  'DoNotDisturb',
  'Offline',
  'PresenceUnknown',
]);

/** Presence of many people at once; values Graph adds later read as PresenceUnknown. */
export function createPresencePort(api: PresenceApi): PresencePort {
  return {
    async getMany(ids) {
      const wanted = [...new Set(ids.filter((id) => id.trim() !== ''))];
      if (wanted.length === 0) return [];
      const found = await mapped(() => api.getPresences(wanted));
      return found.flatMap((p): PresenceInfo[] => {
        if (!p.id) return [];
        const availability = AVAILABILITY.has(p.availability ?? '')
          ? (p.availability as Availability)
          : 'PresenceUnknown';
        return [{ id: p.id, availability, activity: p.activity ?? availability }];
      });
    },
  };
}
