export const id = 761;
export const ids = [761];
export const modules = {

/***/ 4761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadJunit: () => (/* binding */ loadJunit)
/* harmony export */ });
/* unused harmony exports MAX_FAILURES, MAX_REPORT_BYTES, MAX_REPORTS, parseJunit */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9658);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5824);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4663);
/**
 * What failed: JUnit XML reports (Vitest, Jest, pytest, Maven Surefire, gotestsum …) read from the workspace into
 * counts and the first failed tests. A report is written by the build, so it is read defensively: a size cap per
 * file, a cap on files, no entity expansion (fast-xml-parser with processEntities off; the five XML escapes and
 * character references are decoded here), and every problem is a warning, never a lost message.
 * Parser: fast-xml-parser (https://github.com/NaturalIntelligence/fast-xml-parser), maintained, no native code,
 * with a nesting limit and a validator.
 */




const MAX_FAILURES = 10;
/** A JUnit report of a large suite is a few MB; more is not a report worth reading in a notification step. */
const MAX_REPORT_BYTES = 8 * 1024 * 1024;
const MAX_REPORTS = 200;
const ARRAYS = new Set(['testsuites', 'testsuite', 'testcase', 'failure', 'error', 'skipped']);
const parser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: 64,
    isArray: (name) => ARRAYS.has(name),
});
/** The XML escapes and character references; named entities from a DOCTYPE are never expanded. */
function decode(text) {
    return text.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (whole, entity) => {
        switch (entity.toLowerCase()) {
            case 'lt':
                return '<';
            case 'gt':
                return '>';
            case 'amp':
                return '&';
            case 'quot':
                return '"';
            case 'apos':
                return "'";
        }
        const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
function attr(node, name) {
    const value = node[`@${name}`];
    return typeof value === 'string' && value.trim() ? decode(value.trim()) : undefined;
}
function children(node, name) {
    const value = node[name];
    if (!Array.isArray(value))
        return [];
    // An empty element (`<skipped/>`) parses to '' : still present.
    return value.map((item) => (typeof item === 'object' && item !== null ? item : {}));
}
function firstLine(text) {
    const line = text
        ?.split(/\r?\n/)
        .map((item) => item.trim())
        .find(Boolean);
    return line ? line.slice(0, 300) : undefined;
}
function textOf(node) {
    const text = node['#text'];
    return typeof text === 'string' ? decode(text) : undefined;
}
function visitSuite(suite, tally, depth) {
    if (depth > 32)
        return;
    const suiteName = attr(suite, 'name') ?? attr(suite, 'file');
    for (const testcase of children(suite, 'testcase')) {
        tally.total++;
        const problems = [...children(testcase, 'failure'), ...children(testcase, 'error')];
        if (problems.length > 0) {
            tally.failed++;
            if (tally.failures.length < MAX_FAILURES) {
                const problem = problems[0];
                tally.failures.push({
                    name: attr(testcase, 'name') ?? '(unnamed test)',
                    suite: attr(testcase, 'classname') ?? attr(testcase, 'file') ?? suiteName,
                    message: firstLine(attr(problem, 'message') ?? textOf(problem) ?? attr(problem, 'type')),
                });
            }
        }
        else if (testcase.skipped !== undefined) {
            tally.skipped++;
        }
    }
    for (const nested of children(suite, 'testsuite'))
        visitSuite(nested, tally, depth + 1);
}
/** Counts one report's text; throws with a short reason when it is not a JUnit report. */
function parseJunit(xml, tally = { total: 0, failed: 0, skipped: 0, failures: [] }) {
    const valid = fast_xml_parser__WEBPACK_IMPORTED_MODULE_4__/* .XMLValidator */ .iI.validate(xml);
    if (valid !== true)
        throw new Error(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
    const root = parser.parse(xml);
    const suites = [...children(root, 'testsuite'), ...children(root, 'testsuites')];
    if (suites.length === 0)
        throw new Error('no <testsuites> or <testsuite> element');
    for (const suite of suites)
        visitSuite(suite, tally, 0);
    return tally;
}
/** Lists the files matching the globs, inside the workspace. */
async function findReports(patterns, deps) {
    const glob = node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.glob;
    if (!glob) {
        deps.warning('junit: this Node.js has no fs.glob (Node 22 or later); the reports were not read.');
        return [];
    }
    const safe = patterns.filter((pattern) => {
        const outside = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(pattern) || pattern.split(/[\\/]/).includes('..');
        if (outside)
            deps.warning(`junit: '${pattern}' points outside the workspace; ignored.`);
        return !outside;
    });
    if (safe.length === 0)
        return [];
    const root = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.realpath(deps.root);
    const found = [];
    for await (const match of glob(safe, { cwd: root })) {
        if (found.length >= MAX_REPORTS) {
            deps.warning(`junit: more than ${MAX_REPORTS} reports match; only the first ${MAX_REPORTS} are read.`);
            break;
        }
        found.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, match));
    }
    return found.sort();
}
/**
 * Reads every report the globs match (comma or newline separated) and sums them. Undefined when no pattern is
 * given; counts of zero with a warning when nothing matches or nothing could be read.
 */
async function loadJunit(raw, deps) {
    const patterns = (0,_config_js__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)(raw);
    if (patterns.length === 0)
        return undefined;
    const tally = { total: 0, failed: 0, skipped: 0, failures: [] };
    let files = 0;
    let reports = [];
    try {
        reports = await findReports(patterns, deps);
    }
    catch (error) {
        deps.warning(`junit: cannot list the reports (${error.message}).`);
    }
    const root = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.realpath(deps.root).catch(() => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(deps.root));
    for (const path of reports) {
        const shown = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path) || path;
        try {
            const real = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.realpath(path);
            const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, real);
            if (inside.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) || inside === '..' || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(inside))
                throw new Error('it resolves outside the workspace');
            const stat = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(real);
            if (!stat.isFile())
                continue;
            if (stat.size > MAX_REPORT_BYTES)
                throw new Error(`it is ${stat.size} bytes, more than the ${MAX_REPORT_BYTES} read`);
            parseJunit(await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(real, 'utf8'), tally);
            files++;
        }
        catch (error) {
            deps.warning(`junit: skipped ${shown}: ${error.message}.`);
        }
    }
    if (reports.length === 0)
        deps.warning(`junit: no report matches ${patterns.join(', ')}.`);
    // No report read: the message says nothing about tests rather than "0 passed, 0 failed".
    if (files === 0)
        return undefined;
    return {
        total: tally.total,
        passed: tally.total - tally.failed - tally.skipped,
        failed: tally.failed,
        skipped: tally.skipped,
        failures: tally.failures,
        files,
    };
}


/***/ })

};
