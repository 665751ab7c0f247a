# The object and utility cmdlets on a small inventory of network adapters.
$adapters = @(
  [pscustomobject]@{ Name = 'Ethernet'; Mtu = 1500; Up = $true; Speed = 1000 }
  [pscustomobject]@{ Name = 'vEthernet (Default Switch)'; Mtu = 1500; Up = $true; Speed = 10000 }
  [pscustomobject]@{ Name = 'Wi-Fi'; Mtu = 1500; Up = $false; Speed = 300 }
  [pscustomobject]@{ Name = 'vEthernet (EFLOW)'; Mtu = 9000; Up = $true; Speed = 10000 }
)

# Filtering: script blocks and the simplified syntax
"up: " + (($adapters | Where-Object Up).Name -join ', ')
"virtual: " + (($adapters | ? Name -like 'vEthernet*' | % Name) -join ', ')
"jumbo: " + ($adapters | where { $_.Mtu -gt 1500 }).Name
"not wifi: " + ($adapters | where Name -notmatch 'wi-?fi').Count

# Projection and calculated properties
$adapters | Select-Object Name, @{ Name = 'Gbps'; Expression = { $_.Speed / 1000 } } -First 2 | ForEach-Object { "$($_.Name) = $($_.Gbps) Gbps" }
$selected = $adapters | Select-Object -Property N*, Up -Last 1
"selected: $selected as $($selected.PSObject.TypeNames[0])"
"names: " + (($adapters | Select-Object -ExpandProperty Name | Sort-Object) -join ' | ')

# Sorting, grouping, measuring
"by speed: " + (($adapters | Sort-Object Speed, Name -Descending).Name -join ', ')
$adapters | Group-Object Mtu | ForEach-Object { "MTU $($_.Name): $($_.Count) ($($_.Group.Name -join ', '))" }
$m = $adapters | Measure-Object Speed -Sum -Average -Maximum -Minimum
"speed: count=$($m.Count) sum=$($m.Sum) avg=$($m.Average) max=$($m.Maximum) min=$($m.Minimum)"

# begin / process / end, and -First stopping an endless producer
1..3 | ForEach-Object -Begin { 'begin' } -Process { "process $_" } -End { 'end' }
function Get-Tick { $i = 0; while ($true) { $i++; "tick $i" } }
(Get-Tick | Select-Object -First 3) -join ', '

# Comparing collections
Compare-Object -ReferenceObject 'eth0', 'eth1' -DifferenceObject 'eth1', 'wlan0' -IncludeEqual |
  ForEach-Object { "$($_.SideIndicator) $($_.InputObject)" }

# Building objects
$vm = New-Object PSObject -Property @{ Name = 'EFLOW' }
$vm | Add-Member -MemberType NoteProperty -Name Cpus -Value 2
$vm | Add-Member -NotePropertyName MemoryMB -NotePropertyValue 1024
($vm | Get-Member -MemberType NoteProperty | ForEach-Object { $_.Definition }) -join '; '
$vm | Add-Member -NotePropertyName Cpus -NotePropertyValue 4

# Variables
Set-Variable -Name Switch -Value 'Default Switch' -Option ReadOnly
"switch: $Switch"
Set-Variable -Name Switch -Value 'EFLOW'
(Get-Variable -Name Sw* | ForEach-Object { "$($_.Name)=$($_.Value) [$($_.Options)]" }) -join ', '
Remove-Variable -Name Switch -Force
"removed: $($null -eq (Get-Variable -Name Switch -ErrorAction SilentlyContinue))"

# Dates and random numbers
$start = Get-Date -Date '2024-05-06T07:08:09'
"date: " + (Get-Date -Date $start -Format 'yyyy-MM-dd HH:mm:ss') + ' / ' + (Get-Date -Date $start -UFormat '%A %d %B %Y')
"span: " + (New-TimeSpan -Start $start -End $start.AddHours(26)).ToString()
$first = Get-Random -Maximum 1000 -SetSeed 2024
$again = Get-Random -Maximum 1000 -SetSeed 2024
"seeded random repeats: $($first -eq $again)"

# Invoke-Expression and strict mode
Invoke-Expression '$computed = 6 * 7'
"computed: $computed"
Invoke-Expression 'Get-Item -Path ('
Set-StrictMode -Version Latest
"strict: $neverSet"
'done'
