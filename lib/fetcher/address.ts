import ipaddr from "ipaddr.js";

/**
 * Why an address may not be fetched, or null when it is ordinary public unicast. ipaddr.js names
 * the special ranges (RFC 6890 and successors); everything it does not call "unicast" is refused,
 * and a few unicast-looking blocks that are not the public internet are refused by name below.
 */
export type AddressClass =
  | "loopback"
  | "private"
  | "link-local"
  | "multicast"
  | "unspecified"
  | "carrier-grade-nat"
  | "cloud-metadata"
  | "translated"
  | "reserved";

// Cloud metadata services, named for a clearer refusal (most also fall in link-local or CGNAT).
const METADATA = ["169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192", "fd00:ec2::254"].map((a) => ipaddr.parse(a).toString());

// Documentation and benchmarking blocks ipaddr.js reports as unicast.
const EXTRA_RESERVED_V4 = ["192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24"].map((c) => ipaddr.IPv4.parseCIDR(c));

const V4_CLASS: Record<string, AddressClass> = {
  unspecified: "unspecified",
  broadcast: "reserved",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "carrier-grade-nat",
  private: "private",
  reserved: "reserved",
};

const V6_CLASS: Record<string, AddressClass> = {
  unspecified: "unspecified",
  linkLocal: "link-local",
  multicast: "multicast",
  loopback: "loopback",
  uniqueLocal: "private",
  deprecatedSiteLocal: "private",
  // Forms that carry or reach an IPv4 address (NAT64, SIIT, 6to4, Teredo): the embedded address
  // could be anything, so none is followed.
  rfc6145: "translated",
  rfc6052: "translated",
  "6to4": "translated",
  teredo: "translated",
};

/** Classifies an IP literal (v4, v6, IPv4-mapped v6); anything unparseable is "reserved". */
export function classifyAddress(address: string): AddressClass | null {
  if (!ipaddr.isValid(address)) return "reserved";
  // ::ffff:a.b.c.d is the IPv4 address a.b.c.d to the kernel: judge it as one.
  const parsed = ipaddr.process(address);
  if (METADATA.includes(parsed.toString())) return "cloud-metadata";
  const range = parsed.range();
  if (parsed.kind() === "ipv4") {
    const v4 = parsed as ipaddr.IPv4;
    if (range !== "unicast") return V4_CLASS[range] ?? "reserved";
    return EXTRA_RESERVED_V4.some((cidr) => v4.match(cidr)) ? "reserved" : null;
  }
  if (range === "unicast") return null;
  return V6_CLASS[range] ?? "reserved";
}

/** 127.0.0.0/8 and ::1 (also as ::ffff:127.x): the only class the test-only allowance opens. */
export const isLoopback = (address: string) => classifyAddress(address) === "loopback";
