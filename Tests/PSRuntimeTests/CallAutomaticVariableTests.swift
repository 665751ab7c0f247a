import Testing

@testable import PSRuntime

/// A call's `$args`, `$PSBoundParameters`, `$input` and `$PSCmdlet` are made only when looked up
/// (see `DeferredAutomatics`): every way of reaching them must still find them as they were at
/// the call — directly, by `Get-Variable`, from an enclosing or enclosed scope, by
/// `Invoke-Expression`, after being replaced or removed.
struct CallAutomaticVariableTests {
  @Test(arguments: [
    // Read directly.
    ("function f($a, $b) { $PSBoundParameters.Count; $PSBoundParameters['b'] }; f 1 2", "2\n2\n"),
    ("function f($a, $b) { $PSBoundParameters.Keys -join ',' }; f -b 1 -a 2", "a,b\n"),
    ("function f($a, $b) { $PSBoundParameters.Count }; f 1", "1\n"),
    ("function f([int]$a = 3, $b) { $PSBoundParameters.ContainsKey('a'); $a; $args.Count }; f", "False\n3\n0\n"),
    ("function f { $args.Count }; f -x y", "2\n"),
    ("function f { $PSBoundParameters.GetType().Name; $args.GetType().Name }; f", "Hashtable\nObject[]\n"),
    ("Set-StrictMode -Version Latest; function f { $args.Count; $PSBoundParameters.Count }; f", "0\n0\n"),
    ("function f { param($a) $global:t = $PSBoundParameters }; f 3; $t['a']", "3\n"),
    // Found by name at run time.
    (
      "function f { (Get-Variable PSBoundParameters).Value.Count; (Get-Variable args -ValueOnly) -join '+' }; f 1 2",
      "0\n1+2\n"
    ),
    (
      "function f($a) { Get-Variable | Where-Object Name -in 'args','PSBoundParameters','a' | ForEach-Object Name }; f 5 6",
      "a\nargs\nPSBoundParameters\n"
    ),
    ("function f { Get-Variable -Name 'ar*' | ForEach-Object { $_.Name + '=' + ($_.Value -join ',') } }; f 1 2", "args=1,2\n"),
    ("function f { $s = 'args'; (Get-Variable $s).Value }; f w", "w\n"),
    ("function f { Invoke-Expression '$args' }; f 1 2", "1\n2\n"),
    ("function f($q) { Invoke-Expression '$PSBoundParameters.q' }; f -q z", "z\n"),
    // From the scope of a callee, and from script blocks run in the function's scope.
    ("function inner { (Get-Variable -Scope 1 args).Value -join ',' }; function outer { inner }; outer 7 8", "7,8\n"),
    ("function inner { (Get-Variable -Scope 1 PSBoundParameters).Value.Keys }; function outer($k) { inner }; outer -k 1", "k\n"),
    ("function f { 1 | ForEach-Object { $args.Count } }; f a b", "2\n"),
    ("function f { 'q' | Where-Object { $PSBoundParameters.Count -eq 0 } }; f", "q\n"),
    ("function f { $sb = { $args.Count }; & $sb; & { $args[1] } a b }; f 1 2 3", "0\nb\n"),
    ("function o { [CmdletBinding()] param() function i { $PSCmdlet.MyInvocation.MyCommand.Name }; i }; o", "o\n"),
    // Replaced, removed, created again.
    ("function f { Remove-Variable args; \"[$args]\" }; f 1", "[]\n"),
    ("function f { $args = 'x'; $args }; f 1 2", "x\n"),
    ("function f { Set-Variable args -Value 9; $args }; f 1", "9\n"),
    ("function f { New-Variable args 3 -ErrorAction SilentlyContinue; $args }; f 1", "1\n"),
    // $input: the end block's, not the begin block's.
    ("function f { $input }; 1,2 | f", "1\n2\n"),
    ("function f { begin { \"b[$input]\" } process { \"p$_\" } end { @($input) -join '' } }; 4,5 | f", "b[]\np4\np5\n45\n"),
    // $PSCmdlet and $PSBoundParameters share one table, whichever is read first.
    (
      "function f { [CmdletBinding()] param($a) $PSCmdlet.MyInvocation.BoundParameters['a']; $PSCmdlet.ParameterSetName }; f -a 5",
      "5\n__AllParameterSets\n"
    ),
    ("function f { [CmdletBinding()] param($a) $PSBoundParameters['z'] = 1; $PSCmdlet.MyInvocation.BoundParameters.Count }; f -a 5", "2\n"),
    ("function f { [CmdletBinding()] param($a) $PSCmdlet.MyInvocation.BoundParameters['y'] = 1; $PSBoundParameters.Count }; f -a 5", "2\n"),
    ("function f { [CmdletBinding()] param($a) $PSBoundParameters = @{}; $PSCmdlet.MyInvocation.BoundParameters.Count }; f -a 5", "1\n"),
    // Pipeline input: $PSBoundParameters follows each object; $PSCmdlet keeps the call's table.
    (
      "function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$x, $y) process { \"$($PSBoundParameters.Keys -join ',')=$x\" } }; 1,2 | f -y 3",
      "x,y=1\nx,y=2\n"
    ),
    (
      "function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$x) begin { $c = $PSCmdlet } process { $c.MyInvocation.BoundParameters.Count; $PSBoundParameters['x'] } }; 1,2 | f",
      "0\n1\n0\n2\n"
    ),
    (
      "function f { [CmdletBinding(SupportsShouldProcess)] param($n) if ($PSCmdlet.ShouldProcess($n)) { \"do $n\" } }; f -n a -WhatIf; f -n b",
      "What if: Performing the operation \"f\" on target \"a\".\ndo b\n"
    ),
    // Calls otherwise.
    ("function fact($n) { if ($n -le 1) { 1 } else { $n * (fact ($n - 1)) } }; fact 6", "720\n"),
    ("function g { $x }; function f { $x = 3; g }; $x = 1; f", "3\n"),
    ("function f { Set-Variable -Name y -Value 4 -Scope 1 }; f; $y", "4\n"),
    ("function f { return $args[0]; 'no' }; f r", "r\n"),
  ])
  func automaticVariables(_ script: String, _ expected: String) {
    let r = run(script)
    #expect(r.out == expected, "script: \(script)\nerrors: \(r.errors)")
  }

  /// A command first in its pipeline is checked for mandatory parameters and its parameter set
  /// once, when bound (`FunctionStage.settled`); with pipeline input, when input ends.
  @Test(arguments: [
    ("function f { [CmdletBinding()] param([Parameter(Mandatory)]$a) \"a=$a\" }; f; f -a 1", "a=1\n", ["MissingMandatoryParameter"]),
    (
      "function f { [CmdletBinding()] param([Parameter(ParameterSetName='A')]$a, [Parameter(ParameterSetName='B')]$b) $PSCmdlet.ParameterSetName }; f; f -b 2",
      "B\n", ["AmbiguousParameterSet"]
    ),
    (
      "function f { [CmdletBinding()] param([Parameter(Mandatory, ValueFromPipeline)]$x) process { \"x=$x\" } }; 1,2 | f; f; f -x 3",
      "x=1\nx=2\nx=3\n", ["MissingMandatoryParameter"]
    ),
    ("$sb = { [CmdletBinding()] param([Parameter(Mandatory)]$q) $q }; & $sb -q 4; & $sb", "4\n", ["MissingMandatoryParameter"]),
  ])
  func mandatoryParametersAndSets(_ script: String, _ expected: String, _ errorIds: [String]) {
    let r = run(script)
    #expect(r.out == expected, "script: \(script)")
    #expect(r.errors.count == errorIds.count, "errors: \(r.errors)")
    for (e, id) in zip(r.errors, errorIds) { #expect(e.hasPrefix(id), "errors: \(r.errors)") }
  }
}
