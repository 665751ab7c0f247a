# Errors: try/catch/finally, throw, and what an uncaught error looks like.
try {
    throw "deployment failed"
} catch {
    "caught: $_"
} finally {
    "cleanup"
}

try {
    1 / 0
} catch [System.DivideByZeroException] {
    "divide: $($_.Exception.Message)"
}

function Test-Range {
    param([ValidateSet('External', 'Internal')][string]$SwitchType)
    "ok $SwitchType"
}
Test-Range -SwitchType Internal
Test-Range -SwitchType Private
"still running"
Get-NoSuchThing
"after"
