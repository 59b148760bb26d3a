namespace AtomCuration.Recipes;

/// <summary>A recipe file is invalid: names the file and the key at fault.</summary>
public sealed class RecipeException(string message, Exception? inner = null) : Exception(message, inner);
