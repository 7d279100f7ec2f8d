/** Time zones of Russia, west to east, with the name a user recognises. */
export const RUSSIAN_ZONES: ReadonlyArray<{ zone: string; city: string }> = [
  { zone: 'Europe/Kaliningrad', city: 'Калининград' },
  { zone: 'Europe/Moscow', city: 'Москва' },
  { zone: 'Europe/Simferopol', city: 'Симферополь' },
  { zone: 'Europe/Volgograd', city: 'Волгоград' },
  { zone: 'Europe/Kirov', city: 'Киров' },
  { zone: 'Europe/Samara', city: 'Самара' },
  { zone: 'Europe/Astrakhan', city: 'Астрахань' },
  { zone: 'Europe/Saratov', city: 'Саратов' },
  { zone: 'Europe/Ulyanovsk', city: 'Ульяновск' },
  { zone: 'Asia/Yekaterinburg', city: 'Екатеринбург' },
  { zone: 'Asia/Omsk', city: 'Омск' },
  { zone: 'Asia/Novosibirsk', city: 'Новосибирск' },
  { zone: 'Asia/Barnaul', city: 'Барнаул' },
  { zone: 'Asia/Tomsk', city: 'Томск' },
  { zone: 'Asia/Novokuznetsk', city: 'Новокузнецк' },
  { zone: 'Asia/Krasnoyarsk', city: 'Красноярск' },
  { zone: 'Asia/Irkutsk', city: 'Иркутск' },
  { zone: 'Asia/Chita', city: 'Чита' },
  { zone: 'Asia/Yakutsk', city: 'Якутск' },
  { zone: 'Asia/Vladivostok', city: 'Владивосток' },
  { zone: 'Asia/Sakhalin', city: 'Южно-Сахалинск' },
  { zone: 'Asia/Magadan', city: 'Магадан' },
  { zone: 'Asia/Srednekolymsk', city: 'Среднеколымск' },
  { zone: 'Asia/Kamchatka', city: 'Петропавловск-Камчатский' },
  { zone: 'Asia/Anadyr', city: 'Анадырь' },
];

/** «UTC+3» for a zone at a moment ('' if the runtime cannot tell). */
export function utcOffset(zone: string, at: number = Date.now()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!part) return '';
    return part === 'GMT' ? 'UTC+0' : part.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

/** A readable name: «Томск (UTC+7)», or the IANA name for zones outside the list. */
export function zoneLabel(zone: string, at?: number): string {
  const city = RUSSIAN_ZONES.find((z) => z.zone === zone)?.city ?? zone;
  const off = utcOffset(zone, at);
  return off ? `${city} (${off})` : city;
}

/** Every zone the browser knows, if it can list them. */
export function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
