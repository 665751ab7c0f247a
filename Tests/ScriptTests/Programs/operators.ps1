# Arithmetic, strings and comparisons with PowerShell's rules.
1 + 2 * 3
"10" + 5
5 + "10"
[int]::MaxValue + 1
10 / 4
"ab" * 3
@(1, 2, 3) -gt 1
"Hello" -eq "hello"
"Hello" -ceq "hello"
'{0:N2} | {1,-6}| {2:X4}' -f 1234.5678, 'ab', 255
"eflow-vm" -like "EFLOW*"
if ("192.168.1.20" -match '^(\d+)\.(\d+)') { $Matches[1] + "/" + $Matches[2] }
"a,b;c" -split '[,;]'
(1..5) -join '-'
'10.0.0.1' -replace '\.1$', '.254'
$null -eq $x
[bool]"False"
