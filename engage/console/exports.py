"""Console views: exports."""
