#!/bin/sh
# Runs fuzz targets one after another, RUNS executions each (10 million by
# default), on stable Rust through RUSTC_BOOTSTRAP=1, each logging to
# /tmp/fuzz-TARGET.log. Run from the repository's root after `cargo install
# cargo-fuzz`:   sh fuzz/run.sh html tmx xliff annotations decode extract
# A crash stops that target's run and leaves its input in fuzz/artifacts/TARGET/.
set -u
RUNS=${RUNS:-10000000}
sh fuzz/seed.sh
cd fuzz
RUSTC_BOOTSTRAP=1 cargo fuzz build -s none -a || exit 1
for target in "$@"; do
    case $target in
        html) max_len=16384 ;;
        *) max_len=4096 ;;
    esac
    mkdir -p artifacts/$target
    ./target/x86_64-unknown-linux-gnu/release/$target corpus/$target \
        -runs=$RUNS -max_len=$max_len -print_final_stats=1 -timeout=20 \
        -artifact_prefix=artifacts/$target/ > /tmp/fuzz-$target.log 2>&1
    echo "$target: exit $? ($(grep -c '^#' /tmp/fuzz-$target.log) status lines)"
done
