import { isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for rate limiting. Behind a proxy the socket's address is the
 * proxy's, shared by every shopper, so the deployment names the header its one trusted proxy
 * sets (TRUSTED_PROXY_HEADER, e.g. `fly-client-ip`, or `x-forwarded-for`). For a list such as
 * `x-forwarded-for` the last entry is used: it is the one the trusted proxy appended, while
 * anything before it came from the client and may be forged. Without the setting, or when the
 * header is missing, the socket's address counts.
 *
 * IPv6 clients are keyed by their /64, the block one subscriber is usually given: otherwise one
 * client could take a fresh budget from each of its 2⁶⁴ addresses.
 */
export function clientAddress(c: Context, trustedHeader?: string): string {
  if (trustedHeader) {
    const entries = (c.req.header(trustedHeader) ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const last = entries.at(-1);
    if (last) return networkOf(last.slice(0, 100));
  }
  try {
    return networkOf(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/** An IPv4 address as is (also when IPv4-mapped), an IPv6 address as its /64 prefix. */
export function networkOf(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(bare)) return address;
  const [head = '', tail] = bare.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'),
          ...tailGroups,
        ];
  const prefix = groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
