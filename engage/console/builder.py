"""Console views: builder."""
