# Hashtables and custom objects as PowerShell prints them.
$settings = @{ SwitchName = 'EFLOW-Internal' }
$settings['Prefix'] = 24
$settings.Count
[pscustomobject]@{ Name = 'eth0'; Address = '172.20.0.10'; Prefix = 24 }
$vm = [ordered]@{ Name = 'HOST-EFLOW'; Cpus = 2; MemoryMB = 1024 }
$vm
$list = @('a', 'b')
$list += 'c'
$list.Count
$list[-1]
