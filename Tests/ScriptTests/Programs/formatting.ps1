# Formatting and serialization as Windows PowerShell 5.1 prints them.
$nics = @(
  [pscustomobject]@{ Name = 'eth0'; IPAddress = '172.20.0.10'; PrefixLength = 24; Dhcp = $false }
  [pscustomobject]@{ Name = 'eth1'; IPAddress = '192.168.1.100'; PrefixLength = 16; Dhcp = $true }
)
$nics | Format-Table -AutoSize
$nics | Format-Table Name, @{ Label = 'Address'; Expression = { "$($_.IPAddress)/$($_.PrefixLength)" } }, @{ n = 'Mode'; e = { if ($_.Dhcp) { 'DHCP' } else { 'Static' } }; Width = 8; Alignment = 'Right' }
$nics[0] | Format-List
$nics | Format-List Name, IP*
$vm = [pscustomobject]@{ Name = 'HOST-EFLOW'; Cpus = 2; MemoryMB = 1024; State = 'Running'; Tags = @('edge', 'iot', 'lab', 'x', 'y') }
$vm | Out-String
'text stays text' | Out-String -Stream
$json = $vm | ConvertTo-Json
$json
$vm | ConvertTo-Json -Compress
$back = $json | ConvertFrom-Json
"$($back.Name) has $($back.Tags.Count) tags; memory is $($back.MemoryMB.GetType().Name)"
@{ Switch = @{ Name = 'Default Switch'; Type = 'Internal' }; Nics = $nics } | ConvertTo-Json -Depth 1
$csv = $nics | ConvertTo-Csv -NoTypeInformation
$csv
$rows = $csv | ConvertFrom-Csv
$rows | Format-Table Name, PrefixLength, Dhcp
'{"broken": }' | ConvertFrom-Json
$nics
'done'
