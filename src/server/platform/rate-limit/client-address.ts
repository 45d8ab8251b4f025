// What "one client address" means for per-address limits. An IPv4 address is one client (or one
// NAT). An IPv6 client is handed a whole prefix — usually a /56 or /64 — and can pick a fresh
// address from it for every request, so counting single IPv6 addresses would let it reset its
// budget at will. IPv6 is therefore counted per /56, the allocation most ISPs give one customer.
import { isIPv6 } from 'node:net';

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function addressKey(ip: string): string {
  const mapped = MAPPED_V4.exec(ip);
  if (mapped) return mapped[1]!;
  const bare = ip.split('%')[0]!; // drop a zone id (fe80::1%eth0)
  if (!isIPv6(bare)) return ip;
  const [head = '', tail] = bare.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (64:ff9b::1.2.3.4) fills two groups but lies past the first four anyway.
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const [g0, g1, g2, g3] = groups.map((g) => g.padStart(4, '0'));
  return `${g0}:${g1}:${g2}:${g3!.slice(0, 2)}00::/56`;
}
