#!/usr/bin/env eflowsh
<#
.SYNOPSIS
    Day-2 operations on a deployed EFLOW VM: provision it with DPS (symmetric key or TPM),
    check its features and telemetry, and collect a logs archive.

.DESCRIPTION
    Deploys on the Default Switch when no VM exists (client SKU). Then provisions IoT Edge with
    Provision-EflowVm: with -UseTpm, enables the DpsTpm feature, reads the TPM endorsement key
    and registration id to enrol, and provisions with DpsTPM; otherwise provisions with
    DpsSymmetricKey. Opts in to optional telemetry, shows the VM's IoT Edge status and writes
    the logs archive with Get-EflowLogs.

.PARAMETER ScopeId
    The DPS ID scope.
.PARAMETER RegistrationId
    The DPS registration id (symmetric key enrolment).
.PARAMETER SymmetricKey
    The enrolment's symmetric key.
.PARAMETER UseTpm
    Provision with the VM's TPM (DpsTPM) instead of a symmetric key.
.PARAMETER LogsPath
    Where to write the logs archive.

.EXAMPLE
    .\provision-and-collect-logs.ps1 -ScopeId 0ne0012ABCD -RegistrationId edge-01 -SymmetricKey 'c2VjcmV0'

.EXAMPLE
    .\provision-and-collect-logs.ps1 -ScopeId 0ne0012ABCD -UseTpm
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)][ValidatePattern('^0ne[0-9A-Fa-f]{8}$')]
    [string]$ScopeId = '0ne0012ABCD',

    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$RegistrationId = 'edge-01',

    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$SymmetricKey = 'c2VjcmV0LWtleS1mb3ItZWRnZS0wMQ==',

    [Parameter(Mandatory = $false)]
    [switch]$UseTpm,

    [Parameter(Mandatory = $false)]
    [string]$LogsPath = 'eflow-logs.zip'
)

$ErrorActionPreference = 'Stop'

if (-not (Verify-EflowVm)) {
    $null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless
}

# Provisioning: one of the five types, each with its own parameters.
if ($UseTpm) {
    Set-EflowVmFeature -feature DpsTpm -enable
    $tpm = Get-EflowVmTpmProvisioningInfo
    Write-Host "Enrol this device in DPS with registration id $($tpm.'Registration Id')"
    $provisioned = Provision-EflowVm -provisioningType DpsTPM -scopeId $ScopeId -headless
} else {
    try {
        # A wrong call first: DpsSymmetricKey needs the scope, the registration id and the key.
        $null = Provision-EflowVm -provisioningType DpsSymmetricKey -scopeId $ScopeId -headless
    } catch {
        Write-Host "Refused as expected: $($_.Exception.Message)"
    }
    $provisioned = Provision-EflowVm -provisioningType DpsSymmetricKey -scopeId $ScopeId `
        -registrationId $RegistrationId -symmKey $SymmetricKey -headless
}
if ($provisioned -ine 'OK') { throw "Provision-EflowVm returned '$provisioned'." }

Write-Host "DpsTpm feature enabled: $(Get-EflowVmFeature -feature DpsTpm)"
Set-EflowVmTelemetryOption -optionalTelemetry True
Write-Host "Telemetry: $(Get-EflowVmTelemetryOption)"

$status = (Get-EflowVm).EdgeRuntimeStatus
foreach ($line in $status.SystemCtlStatus) { Write-Host "  $line" }
foreach ($module in @($status.ModuleList)) { Write-Host "  module $($module.Name): $($module.Status)" }

Get-EflowLogs -zipName $LogsPath
