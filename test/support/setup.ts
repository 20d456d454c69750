import fc from 'fast-check';

// Property tests are reproducible: one fixed seed for every run that does not choose its own, so
// CI is never red by the luck of the draw. FC_SEED explores other seeds on purpose.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });
