// What "the same device" means for the new-device notice (docs/decisions/0032-known-devices.md):
// the user-agent family — browser and operating system without versions. It needs no cookie (API
// clients keep none, and clearing cookies would make every device "new" again), a browser update is
// not a new device, and the stored hash says nothing beyond "Firefox on Windows". The price: a thief
// using the same browser on the same system as the user is not reported as new.
import { sha256Hex } from '../../platform/crypto.ts';

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'], [/\bOPR\/|\bOpera\b/, 'Opera'], [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'], [/\bChrome\/|\bChromium\/|\bCriOS\//, 'Chrome'], [/\bSafari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'], [/\biPhone|iPad|iPod\b/, 'iOS'], [/\bCrOS\b/, 'ChromeOS'], [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'], [/\bLinux\b/, 'Linux'],
];

export interface Device { hash: string; label: string }

export function deviceOf(userAgent: string | null | undefined): Device {
  const ua = (userAgent ?? '').slice(0, 512);
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  let label: string;
  if (browser || system) label = `${browser ?? 'A browser'} on ${system ?? 'an unknown system'}`;
  // API clients ("curl/8.5", "NileCareSync/2.1"): the product name without its version.
  else label = /^[A-Za-z][\w.-]{0,40}/.exec(ua)?.[0] ?? 'An unknown device';
  return { hash: sha256Hex(label.toLowerCase()), label: label.slice(0, 100) };
}
