# Dot-sourced by the EAM tests (not a test file itself): writes a small analytic single-element
# DYNAMO setfl (eam/alloy) file, so those tests need no potential from outside the repository.
# The functions are smooth and go to zero at the cutoff; they are not a physical Ti potential.
function New-TestSetfl {
    param([Parameter(Mandatory)] [string] $Path)
    $inv = [cultureinfo]::InvariantCulture
    $nRho = 500; $dRho = 0.01; $nR = 500; $dR = 0.012; $cutoff = 5.5
    $embedding = foreach ($i in 0..($nRho - 1)) { -1.0 * [math]::Sqrt($i * $dRho) }
    $density = foreach ($i in 0..($nR - 1)) {
        $r = $i * $dR
        if ($r -lt $cutoff) { [math]::Exp(-$r) * ($cutoff - $r) * ($cutoff - $r) } else { 0.0 }
    }
    $rPhi = foreach ($i in 0..($nR - 1)) {
        $r = $i * $dR
        if ($r -lt $cutoff) { 20.0 * $r * [math]::Exp(-2.0 * $r) * ($cutoff - $r) * ($cutoff - $r) } else { 0.0 }
    }
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('Analytic test potential written by the AtomCuration Pester tests (not physical)')
    $lines.Add('F = -sqrt(rho); rho(r) = exp(-r) (rc - r)^2; r phi(r) = 20 r exp(-2 r) (rc - r)^2')
    $lines.Add('units metal')
    $lines.Add('1 Ti')
    $lines.Add(('{0} {1} {2} {3} {4}' -f $nRho, $dRho.ToString('R', $inv), $nR, $dR.ToString('R', $inv), $cutoff.ToString('R', $inv)))
    $lines.Add('22 47.867 2.951 hcp')
    foreach ($table in $embedding, $density, $rPhi) {
        for ($i = 0; $i -lt $table.Count; $i += 5) {
            $lines.Add((($table[$i..([math]::Min($i + 4, $table.Count - 1))] | ForEach-Object { ([double]$_).ToString('E16', $inv) }) -join ' '))
        }
    }
    Set-Content -LiteralPath $Path -Value $lines -Encoding utf8NoBOM
}

# A small analytic single-element funcfl (LAMMPS pair_style eam) file: F = -sqrt(rho),
# Z(r) = (rc - r)^2 exp(-r) (so r·phi = 27.2 * 0.529 * Z^2 >= 0), rho(r) = exp(-r) (rc - r)^2.
function New-TestFuncfl {
    param([Parameter(Mandatory)] [string] $Path)
    $inv = [cultureinfo]::InvariantCulture
    $nRho = 500; $dRho = 0.01; $nR = 500; $dR = 0.012; $cutoff = 5.5
    $embedding = foreach ($i in 0..($nRho - 1)) { -1.0 * [math]::Sqrt($i * $dRho) }
    $radial = foreach ($i in 0..($nR - 1)) {
        $r = $i * $dR
        if ($r -lt $cutoff) { [math]::Exp(-$r) * ($cutoff - $r) * ($cutoff - $r) } else { 0.0 }
    }
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('Analytic funcfl test potential written by the AtomCuration Pester tests (not physical)')
    $lines.Add('29 63.546 3.615 fcc')
    $lines.Add(('{0} {1} {2} {3} {4}' -f $nRho, $dRho.ToString('R', $inv), $nR, $dR.ToString('R', $inv), $cutoff.ToString('R', $inv)))
    foreach ($table in $embedding, $radial, $radial) {
        for ($i = 0; $i -lt $table.Count; $i += 5) {
            $lines.Add((($table[$i..([math]::Min($i + 4, $table.Count - 1))] | ForEach-Object { ([double]$_).ToString('E16', $inv) }) -join ' '))
        }
    }
    Set-Content -LiteralPath $Path -Value $lines -Encoding utf8NoBOM
}
