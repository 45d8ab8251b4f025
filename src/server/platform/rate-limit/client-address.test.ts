// Which requests count as coming from one client for the per-address limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressKey } from './client-address.ts';

test('an IPv4 address is its own key, also when written IPv4-mapped', () => {
  assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.notEqual(addressKey('203.0.113.7'), addressKey('203.0.113.8'));
});

test('IPv6 addresses are counted per /56, however they are written', () => {
  const key = addressKey('2001:db8:1234:5600::1');
  assert.equal(key, '2001:0db8:1234:5600::/56');
  for (const same of ['2001:db8:1234:56ff:ffff:ffff:ffff:ffff', '2001:DB8:1234:5601::abcd', '2001:0db8:1234:5642:0:0:0:1', '2001:db8:1234:5600::9%eth0']) {
    assert.equal(addressKey(same), key, same);
  }
  assert.notEqual(addressKey('2001:db8:1234:5700::1'), key);
  assert.notEqual(addressKey('2001:db8:1235:5600::1'), key);
});

test('short and unusual IPv6 forms expand correctly', () => {
  assert.equal(addressKey('::1'), '0000:0000:0000:0000::/56');
  assert.equal(addressKey('::'), '0000:0000:0000:0000::/56');
  assert.equal(addressKey('2001:db8::'), '2001:0db8:0000:0000::/56');
  assert.equal(addressKey('64:ff9b::198.51.100.1'), '0064:ff9b:0000:0000::/56');
  assert.equal(addressKey('1:2:3:4:5:6:7:8'), '0001:0002:0003:0000::/56');
});

test('anything that is not an IP address is left as it is', () => {
  assert.equal(addressKey(''), '');
  assert.equal(addressKey('unknown'), 'unknown');
});
