import Foundation
import Testing

@testable import EflowEngine

struct AddressTests {
  @Test(arguments: [
    ("192.168.1.1", true), ("0.0.0.0", true), ("255.255.255.255", true), ("010.1.1.1", true),
    ("300.1.1.1", false), ("1.2.3", false), ("1.2.3.4.5", false), ("", false), ("1..2.3", false),
    ("a.b.c.d", false), ("1.2.3.4/24", false), (" 1.2.3.4", false), ("+1.2.3.4", false), ("1.2.3.1000", false),
  ])
  func parsing(text: String, valid: Bool) {
    #expect((IPv4Address(text) != nil) == valid)
  }

  @Test(arguments: [
    ("192.168.1.77/24", "192.168.1.0", "192.168.1.255", "255.255.255.0"),
    ("172.27.120.111/20", "172.27.112.0", "172.27.127.255", "255.255.240.0"),
    ("10.0.0.5/8", "10.0.0.0", "10.255.255.255", "255.0.0.0"),
    ("10.1.2.3/32", "10.1.2.3", "10.1.2.3", "255.255.255.255"),
    ("10.1.2.3/0", "0.0.0.0", "255.255.255.255", "0.0.0.0"),
  ])
  func prefixMath(cidr: String, network: String, broadcast: String, mask: String) throws {
    let value = try #require(IPv4Interface(cidr))
    #expect(value.network.address.description == network)
    #expect(value.broadcast.description == broadcast)
    #expect(value.mask.description == mask)
    #expect(value.mask.prefixLengthAsMask == value.prefixLength)
  }

  @Test func networkRelations() throws {
    let a = try #require(IPv4Network("172.20.0.0/24"))
    #expect(a.contains(IPv4Address("172.20.0.77")!))
    #expect(!a.contains(IPv4Address("172.20.1.1")!))
    #expect(a.overlaps(IPv4Network("172.20.0.0/16")!))
    #expect(!a.overlaps(IPv4Network("172.21.0.0/24")!))
    #expect(a.isHost(IPv4Address("172.20.0.1")!) && !a.isHost(IPv4Address("172.20.0.0")!) && !a.isHost(IPv4Address("172.20.0.255")!))
    #expect(IPv4Network("10.0.0.1/24", strict: true) == nil)
    #expect(IPv4Address("255.0.255.0")!.prefixLengthAsMask == nil)
    #expect(IPv4Address("8.8.8.8")!.isPublic && !IPv4Address("172.31.0.1")!.isPublic && !IPv4Address("169.254.3.4")!.isPublic)
  }

  @Test func macForms() throws {
    let mac = try #require(MACAddress("00:15:5d:4e:15:2c"))
    #expect(mac.windowsForm == "00-15-5D-4E-15-2C")
    #expect(mac.linuxForm == "00:15:5d:4e:15:2c")
    #expect(mac.ipv6LinkLocal == "fe80::215:5dff:fe4e:152c")
    #expect(MACAddress("00-15-5D-4E-15-2C") == mac)
    #expect(MACAddress("00:15:5d:4e:15") == nil)
  }

  @Test func versionOrdering() throws {
    #expect(EflowVersion("1.1.2110.03111")! < EflowVersion("1.1.2202.21022")!)
    #expect(EflowVersion("1.4.1.13112")! < EflowVersion.currentLTS)
    #expect(EflowVersion("1.5")! == EflowVersion("1.5.0.0")!)
    #expect(EflowVersion("1.x") == nil)
    #expect(!EflowVersion.lts11Early.supportsDnsServersCmdlet && EflowVersion.lts11DnsCmdlet.supportsDnsServersCmdlet)
  }

  @Test func randomIsReproducible() {
    var a = SeededRandom(seed: 7), b = SeededRandom(seed: 7), c = SeededRandom(seed: 8)
    let xs = (0..<5).map { _ in a.next() }
    #expect(xs == (0..<5).map { _ in b.next() })
    #expect(xs != (0..<5).map { _ in c.next() })
  }
}
