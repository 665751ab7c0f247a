import Testing

@testable import PSHost

/// `-Seed` reaches the session: `Get-Random` repeats its numbers for the same seed.
struct SeedTests {
  func output(_ args: [String]) -> String {
    var io = InMemoryIO(files: [:], stdin: "")
    _ = Host.run(arguments: args, environment: [:], io: &io)
    return io.out
  }

  @Test func sameSeedSameNumbers() {
    let script = "(1..5 | % { Get-Random -Maximum 1000000 }) -join ','"
    let a = output(["-NoProfile", "-Seed", "7", "-c", script])
    #expect(!a.isEmpty)
    #expect(a == output(["-NoProfile", "-Seed", "7", "-c", script]))
    #expect(a != output(["-NoProfile", "-Seed", "8", "-c", script]))
  }
}
