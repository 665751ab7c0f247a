# Loops, labels, switch and functions.
$total = 0
foreach ($i in 1..10) {
    if ($i % 2) { continue }
    $total += $i
}
"even total: $total"

:outer for ($a = 1; $a -le 3; $a++) {
    for ($b = 1; $b -le 3; $b++) {
        if ($b -eq 2) { continue outer }
        if ($a -eq 3) { break outer }
        "a=$a b=$b"
    }
}

$n = 0
do { $n++ } while ($n -lt 5)
"n=$n"

switch -Wildcard ('eth0', 'eth1', 'docker0') {
    'eth*' { "nic $_" }
    default { "other $_" }
}

function Get-Subnet {
    param(
        [Parameter(Mandatory = $true)][string]$Address,
        [ValidateRange(8, 30)][int]$Prefix = 24
    )
    $octets = $Address.Split('.')
    "$($octets[0]).$($octets[1]).$($octets[2]).0/$Prefix"
}
Get-Subnet -Address 192.168.1.50
Get-Subnet 10.0.0.9 16
