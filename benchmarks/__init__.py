"""Side-by-side performance scripts. See docs/benchmarks.md for how to run them and the results."""
