import { test } from "node:test";
import assert from "node:assert/strict";
import { classifyAddress } from "./address";

test("every special-purpose range is refused with its class, IPv4 and IPv6 alike", () => {
  const cases: Array<[string, string]> = [
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["100.64.0.1", "carrier-grade-nat"],
    ["169.254.169.254", "cloud-metadata"],
    ["::ffff:169.254.169.254", "cloud-metadata"],
    ["fd00:ec2::254", "cloud-metadata"],
    ["100.100.100.200", "cloud-metadata"],
    ["2002:7f00:1::1", "translated"],
    ["64:ff9b::a00:1", "translated"],
    ["2001::1", "translated"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.10", "reserved"],
    ["198.18.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["not an address", "reserved"],
  ];
  for (const [address, expected] of cases) assert.equal(classifyAddress(address), expected, address);
});

test("ordinary public addresses pass", () => {
  for (const address of ["93.184.215.14", "8.8.8.8", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"]) {
    assert.equal(classifyAddress(address), null, address);
  }
});
