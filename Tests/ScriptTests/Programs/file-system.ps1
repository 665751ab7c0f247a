# File-system cmdlets on the real Linux file system, in a scratch directory with a fixed name
# (removed first, so the transcript is the same on every run). Strings only are printed.
$root = '/tmp/eflowsh-golden-file-system'
if (Test-Path -LiteralPath $root) { Remove-Item -LiteralPath $root -Recurse -Force }
$null = New-Item -ItemType Directory -Path $root
Set-Location $root
"location: $(Get-Location)"

# Paths
$config = Join-Path $root 'config'
"join: $config"
"join windows: $(Join-Path 'C:\ProgramData' 'eflow\logs')"
"parent: $(Split-Path $config -Parent)  leaf: $(Split-Path 'C:\a\b\deploy.ps1' -Leaf)  qualifier: $(Split-Path 'C:\a' -Qualifier)"
"exists before: $(Test-Path $config)"

# Items and content
$dir = New-Item -ItemType Directory -Path $config
"created: $($dir.Name) container=$($dir.PSIsContainer) mode=$($dir.Mode)"
Set-Content -Path (Join-Path $config 'switch.txt') -Value 'Name=Default Switch', 'Type=Internal'
Add-Content -Path config/switch.txt -Value 'Subnet=172.20.0.0/20'
'vm=EFLOW-VM' | Out-File -FilePath config/vm.txt
$lines = Get-Content config/switch.txt
"lines: $($lines.Count); first: $($lines[0]); last: $(Get-Content config/switch.txt -Tail 1)"
$file = Get-Item config/switch.txt
"item: $($file.Name) base=$($file.BaseName) ext=$($file.Extension) length=$($file.Length) mode=$($file.Mode)"
"full name: $($file.FullName)"

# Listing
foreach ($item in Get-ChildItem -Recurse) { "  $($item.Mode) $($item.FullName.Substring($root.Length + 1))" }
"txt files: $((Get-ChildItem -Recurse -Filter *.txt -Name) -join ', ')"

# Copy, move, rename, remove
Copy-Item config backup -Recurse
Rename-Item backup/vm.txt vm.bak
Move-Item backup/vm.bak .
"after copy: $((Get-ChildItem -Recurse -Name) -join ', ')"
Remove-Item backup
Remove-Item backup -Recurse
"after remove: $((Get-ChildItem -Name) -join ', ')"

# Locations
Push-Location config
"pushed: $(Get-Location); relative: $(Resolve-Path switch.txt -Relative)"
Pop-Location
"popped: $(Get-Location)"
Set-Location nowhere

# Errors
Get-Content missing.txt
New-Item -ItemType Directory config
try { Get-Item missing.txt -ErrorAction Stop } catch { "caught: $($_.FullyQualifiedErrorId)" }

# Transcript: only its stable lines are shown
$log = Join-Path $root 'session.log'
$null = Start-Transcript -Path $log
Write-Host 'recorded host text'
'recorded output'
$null = Stop-Transcript
foreach ($line in Get-Content $log) {
  if ($line -notmatch '^(Start time|End time|Host Application|Process ID|Username|RunAs User|Machine):') { "  | $line" }
}

Set-Location /
Remove-Item $root -Recurse
"cleaned: $(-not (Test-Path $root))"
