/**
 * The EDI codec: reads X12 and EDIFACT interchanges into JSON trees with validation results,
 * writes acknowledgements (997, 999, CONTRL) and writes outbound documents (855, ORDRSP) from
 * trees of the same shape. Built on StAEDI; no Camel, no I/O beyond the streams it is given.
 *
 * <h2>Reading</h2>
 * {@link io.interchange.edi.EdiInterchangeReader#read} cuts the file into its interchanges
 * ({@code InterchangeSplitter}: byte order mark, junk lines and line wrapping undone, each
 * interchange with the standard and delimiters its own ISA or UNA/UNB declares) and calls an
 * {@link io.interchange.edi.EdiHandler}:
 * <ol>
 *   <li>{@code onTransaction} once per ST/UNH, as soon as its SE/UNT is read, with the envelope
 *       facts, the tree, the segment/element problems and the transaction-level envelope problems;</li>
 *   <li>{@code onGroupEnd} once per GS/UNG group (and once for EDIFACT messages sent without UNG),
 *       with every transaction's outcome and the group's trailer problems;</li>
 *   <li>{@code onInterchangeEnd} once per ISA/UNB, with the interchange's trailer problems (a
 *       missing IEA/UNZ, or an interchange unreadable after its header, is one of them);</li>
 *   <li>{@code onUnreadable} for an interchange whose header cannot be read, {@code onNote} for
 *       what was skipped or repaired.</li>
 * </ol>
 * Every transaction is delivered, valid or not: use {@link io.interchange.edi.GroupVerdict} with
 * an {@link io.interchange.edi.AckPolicy} to decide which to process, and hand the same group to
 * {@link io.interchange.edi.X12AcknowledgementWriter} or the interchange to
 * {@link io.interchange.edi.ContrlWriter} so the acknowledgement says exactly that.
 *
 * <h2>The JSON tree (what partner JSLT mappings are written against)</h2>
 * One {@code ObjectNode} per transaction, holding what is between the header (ST/UNH) and the
 * trailer (SE/UNT), which are not part of it (their facts are in the envelope records).
 * <ul>
 *   <li><b>Segments</b> are keyed by their tag: {@code "BEG"}, {@code "NAD"}.</li>
 *   <li><b>Loops</b> (segment groups) are keyed by their first segment's tag plus {@code Loop}:
 *       X12 {@code "N1Loop"}, {@code "PO1Loop"}, {@code "PIDLoop"}; EDIFACT {@code "NADLoop"} (SG2),
 *       {@code "LINLoop"} (SG25), {@code "PRILoop"} (SG28). A loop is an object holding its
 *       segments and inner loops by the same rules.</li>
 *   <li><b>Repetition</b>: a segment or loop is <em>always an array</em> when the schema allows
 *       it more than once, even if the file has one; it is a plain object when the schema allows
 *       it once. So {@code REF}, {@code DTM}, {@code N1Loop}, {@code PO1Loop} are arrays;
 *       {@code BEG}, {@code CUR}, {@code CTT}, {@code BGM}, {@code UNS} are objects.</li>
 *   <li><b>Simple elements</b> are keyed by tag + two-digit position: {@code "BEG03"},
 *       {@code "PO110"}, {@code "BGM02"}; values are the strings as sent.</li>
 *   <li><b>Composite elements</b> are objects keyed by element name + two-digit component
 *       position: {@code "NAD02": {"NAD0201": "5412345000013", "NAD0203": "9"}}. A composite in
 *       the schema is always an object, even when only its first component is sent.</li>
 *   <li><b>Empty</b> elements and components are left out; a missing key means "not sent".</li>
 *   <li>A repeating element (X12 repetition separator) would be an array of values; none of the
 *       built-in schemas has one.</li>
 * </ul>
 * X12 850, 004010 ({@code ~} {@code *} {@code >}):
 * <pre>{@code
 * ST*850*0001~BEG*00*SA*PO-4711**20261120~REF*DP*038~N1*ST*ACME STORE 12*92*0012~N3*100 MAIN ST~
 * PO1*1*10*EA*12.50**VP*WIDGET-RED*UP*012345678905~PID*F****RED WIDGET~CTT*1~SE*9*0001~
 *
 * {"BEG": {"BEG01": "00", "BEG02": "SA", "BEG03": "PO-4711", "BEG05": "20261120"},
 *  "REF": [{"REF01": "DP", "REF02": "038"}],
 *  "N1Loop": [{"N1": {"N101": "ST", "N102": "ACME STORE 12", "N103": "92", "N104": "0012"},
 *              "N3": [{"N301": "100 MAIN ST"}]}],
 *  "PO1Loop": [{"PO1": {"PO101": "1", "PO102": "10", "PO103": "EA", "PO104": "12.50", "PO106": "VP",
 *                       "PO107": "WIDGET-RED", "PO108": "UP", "PO109": "012345678905"},
 *               "PIDLoop": [{"PID": {"PID01": "F", "PID05": "RED WIDGET"}}]}],
 *  "CTT": {"CTT01": "1"}}
 * }</pre>
 * EDIFACT ORDERS D.96A:
 * <pre>{@code
 * UNH+1+ORDERS:D:96A:UN'BGM+220+PO-9001+9'DTM+137:20261120:102'NAD+BY+5412345000013::9'
 * LIN+1++4000862141404:SRS'QTY+21:48'PRI+AAA:12.5'UNS+S'CNT+2:1'UNT+10+1'
 *
 * {"BGM": {"BGM01": {"BGM0101": "220"}, "BGM02": "PO-9001", "BGM03": "9"},
 *  "DTM": [{"DTM01": {"DTM0101": "137", "DTM0102": "20261120", "DTM0103": "102"}}],
 *  "NADLoop": [{"NAD": {"NAD01": "BY", "NAD02": {"NAD0201": "5412345000013", "NAD0203": "9"}}}],
 *  "LINLoop": [{"LIN": {"LIN01": "1", "LIN03": {"LIN0301": "4000862141404", "LIN0302": "SRS"}},
 *               "QTY": [{"QTY01": {"QTY0101": "21", "QTY0102": "48"}}],
 *               "PRILoop": [{"PRI": {"PRI01": {"PRI0101": "AAA", "PRI0102": "12.5"}}}]}],
 *  "UNS": {"UNS01": "S"},
 *  "CNT": [{"CNT01": {"CNT0101": "2", "CNT0102": "1"}}]}
 * }</pre>
 * The X12 summary CTT loop occurs at most once, so the schemas flatten it: {@code CTT} and
 * {@code AMT} are plain segments of the transaction.
 *
 * <h2>Writing</h2>
 * {@link io.interchange.edi.EdiTreeWriter} takes a tree in exactly this shape (an outbound JSLT
 * mapping's output) plus an {@link io.interchange.edi.OutboundEnvelope}. Key order does not
 * matter (the schema's order is used); a segment allowed once may also be given as a one-element
 * array; JSON numbers are written as plain decimals; keys the schema does not know are an error;
 * the document is validated and only written out when valid.
 *
 * <h2>Schemas</h2>
 * Generated at start time by {@link io.interchange.edi.schema.SchemaGenerator} from the compact
 * sources under {@code src/main/resources/edi/source/} (one structure table per message, with
 * version ranges, plus element and segment dictionaries); see docs/partners.md. A loop name used
 * at several places gets a code of its own there ({@code N1Loop_2}); the tree and AK303 use the name.
 * {@link io.interchange.edi.TransactionSchemas#with} adds or overrides schemas per set and version.
 */
package io.interchange.edi;
