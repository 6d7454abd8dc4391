// A CommonJS project's use of the installed calling package: `require`, then the shared first steps.
// It prints one JSON line: where the package was loaded from, its names, and what the steps saw.
const calling = require('@switchboard/calling');
const exercise = require('./calling-exercise.cjs');

exercise(calling).then(
  (seen) =>
    console.log(
      JSON.stringify({
        loadedFrom: require.resolve('@switchboard/calling'),
        names: Object.keys(calling).sort(),
        ...seen,
      }),
    ),
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
