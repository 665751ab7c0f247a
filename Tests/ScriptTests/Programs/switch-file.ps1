# switch -File: a configuration file read line by line, in a scratch directory with a fixed
# name (removed first, so the transcript is the same on every run).
$root = '/tmp/eflowsh-golden-switch-file'
if (Test-Path -LiteralPath $root) { Remove-Item -LiteralPath $root -Recurse -Force }
$null = New-Item -ItemType Directory -Path $root
Set-Location $root

# CRLF line ends, as a file written on Windows has them, a blank line and a comment.
Set-Content -Path eflow.conf -NoNewline -Value "# EFLOW VM`r`nname=EFLOW-VM`r`n`r`nswitch=Default Switch`r`ncpus=4`r`nmemory=4096`r`n"

$settings = [ordered]@{}
$comments = 0
switch -Regex -File eflow.conf {
    '^#' { $comments++; continue }
    '^\s*$' { continue }
    '^(\w+)=(.*)$' { $settings[$matches[1]] = $matches[2] }
}
"comments: $comments"
foreach ($k in $settings.Keys) { "  $k = [$($settings[$k])]" }

# Wildcards, the default clause and break: stop at the first memory line.
switch -Wildcard -File "$root/eflow.conf" {
    'cpus=*' { "cpu line: $_" }
    'memory=*' { "memory line: $_"; break }
    default { "other: [$_]" }
}

# A missing file is a statement-terminating error: the script goes on.
switch -File missing.conf { default { $_ } }
'after the missing file'
try {
    switch -File missing.conf { default { $_ } }
} catch [System.Management.Automation.ItemNotFoundException] {
    "caught: $($_.FullyQualifiedErrorId)"
}
Set-Location /
Remove-Item -LiteralPath $root -Recurse -Force
