# Set-StrictMode: versions 2 and 3 add rules for properties and indexes.
$vm = [pscustomobject]@{ Name = 'EFLOW-VM'; Cpus = 4 }
$nics = @('eth0', 'eth1')
$config = @{ Switch = 'Default Switch' }

# Off: a missing property, key or index is $null.
"off: [$($vm.Memory)] [$($config.Subnet)] [$($nics[5])]"

Set-StrictMode -Version 2.0
"v2 has: $($vm.Name) $($config.Switch) $($nics.Count) [$($nics[5])]"
$vm.Memory
'after the missing property'
try { $config.Subnet } catch { "caught: $($_.FullyQualifiedErrorId)" }
"hashtable index: [$($config['Subnet'])]"

Set-StrictMode -Version Latest
$nics[5]
'after the index'
function Read-Loosely { Set-StrictMode -Off; "inside a function with -Off: [$($vm.Memory)]" }
Read-Loosely
try { $vm.Memory } catch [System.Management.Automation.PropertyNotFoundException] { 'still strict here' }
