// Finds the Chromium the tests and the demo use: CHROMIUM_PATH, else Debian's /usr/bin/chromium.
import fs from 'node:fs';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  return null;
}

export function requireChromium() {
  const found = findChromium();
  if (found) return found;
  console.error(
    [
      'Не найден Chromium: нужен для сквозных тестов и демо.',
      'Установите его (Debian/Ubuntu):  sudo apt-get update && sudo apt-get install -y chromium',
      'или укажите путь:                CHROMIUM_PATH=/путь/к/chromium npm test',
      "(Chromium not found. Install Debian's chromium package or set CHROMIUM_PATH.)",
    ].join('\n'),
  );
  process.exit(3);
}
