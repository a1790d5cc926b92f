export const id = 242;
export const ids = [242];
export const modules = {

/***/ 5242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createRunnerCore: () => (/* binding */ createRunnerCore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



/**
 * The runner protocol the action speaks, as @actions/core speaks it: inputs from INPUT_* variables, workflow
 * commands on stdout, outputs and the job summary appended to the files the runner names.
 *
 * Why not @actions/core itself: its entry module eagerly loads an HTTP client with undici (for OIDC tokens) and
 * @actions/exec (for platform details), which this action never uses. Bundled, that is 470 KB and about 40 ms
 * on every workflow run (measured with `npm run bench`, see docs/benchmarks.md). The escaping and file formats
 * below follow @actions/core 3.x (command.ts, file-command.ts, summary.ts) exactly.
 */
function toCommandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string')
        return input;
    return JSON.stringify(input);
}
function escapeData(value) {
    return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function issueCommand(command, message, properties = {}) {
    const props = Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
/** `name<<DELIMITER\nvalue\nDELIMITER`, with a delimiter the value cannot contain. */
function appendKeyValue(file, key, value) {
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    const text = toCommandValue(value);
    if (key.includes(delimiter) || text.includes(delimiter)) {
        throw new Error(`Unexpected input: the value of '${key}' contains the delimiter ${delimiter}`);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${key}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${text}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, { encoding: 'utf8' });
}
function createRunnerCore(env = process.env) {
    let summaryBuffer = '';
    const message = (value) => (value instanceof Error ? value.toString() : value);
    return {
        getInput(name, options) {
            const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
            if (options?.required && !value)
                throw new Error(`Input required and not supplied: ${name}`);
            return options?.trimWhitespace === false ? value : value.trim();
        },
        setOutput(name, value) {
            const file = env.GITHUB_OUTPUT;
            if (file)
                return appendKeyValue(file, name, value);
            // Outside a runner that names an output file (old runners, local runs): the legacy command.
            process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
            issueCommand('set-output', toCommandValue(value), { name });
        },
        setFailed(error) {
            process.exitCode = 1;
            issueCommand('error', message(error));
        },
        setSecret(secret) {
            issueCommand('add-mask', secret);
        },
        debug(text) {
            issueCommand('debug', text);
        },
        info(text) {
            process.stdout.write(text + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
        },
        warning(text) {
            issueCommand('warning', message(text));
        },
        error(text) {
            issueCommand('error', message(text));
        },
        isDebug() {
            return env.RUNNER_DEBUG === '1';
        },
        summary: {
            addRaw(text, addEOL = false) {
                summaryBuffer += text + (addEOL ? node_os__WEBPACK_IMPORTED_MODULE_2__.EOL : '');
                return this;
            },
            async write() {
                const file = env.GITHUB_STEP_SUMMARY;
                if (!file)
                    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, summaryBuffer, { encoding: 'utf8' });
                summaryBuffer = '';
            },
        },
    };
}


/***/ })

};
