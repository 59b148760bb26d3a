# Dot-sourced by the tests of -SkipNonFinite (not a test file itself). A user meets a NaN descriptor when a descriptor
# blows up on a bad structure; the tests make one directly: a copy of a structure whose descriptor value $Column is NaN.
function New-NonFiniteCopy {
    param([Parameter(Mandatory)] [AtomCuration.Structures.Structure] $Structure, [int] $Column = 0, [switch] $PerAtom)
    $copy = [AtomCuration.Structures.Structure]::new($Structure)
    if ($PerAtom) {
        $m = $Structure.AtomDescriptors
        $v = [double[]]::new($m.Rows * $m.Columns)
        for ($k = 0; $k -lt $v.Length; $k++) { $v[$k] = $m[[int][math]::Floor($k / $m.Columns), ($k % $m.Columns)] }
        $v[$Column] = [double]::NaN
        $copy.AtomDescriptors = [AtomCuration.Structures.FeatureMatrix]::new($m.Rows, $m.Labels, $v)
    }
    else {
        $v = [double[]]$Structure.Descriptor; $v[$Column] = [double]::NaN
        $copy.Descriptor = [System.Collections.Immutable.ImmutableArray]::Create($v)
    }
    $copy
}
