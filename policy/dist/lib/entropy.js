"use strict";
// The stated estimate of a label's entropy. A label drawn at random from an alphabet of C symbols carries
// log2(C) bits per character. We take C from the character classes the label actually uses (digits only: 10;
// hex digits only: 16; letters only: 26; letters and digits: 36), and count only characters that differ from
// the one before, so "aaaaaaaaaaaaaaaa" is worth one character, not sixteen. It is an upper bound for random
// labels and a fair penalty for patterned ones; the common-word check catches the rest.
Object.defineProperty(exports, "__esModule", { value: true });
exports.alphabetSize = alphabetSize;
exports.effectiveLength = effectiveLength;
exports.entropyBits = entropyBits;
function alphabetSize(label) {
    if (/^[0-9]+$/.test(label)) {
        return 10;
    }
    if (/^[0-9a-f]+$/.test(label)) {
        return 16;
    }
    if (/^[a-z]+$/.test(label)) {
        return 26;
    }
    return 36;
}
function effectiveLength(label) {
    let count = 0;
    for (let i = 0; i < label.length; i++) {
        if (i === 0 || label[i] !== label[i - 1]) {
            count++;
        }
    }
    return count;
}
function entropyBits(label) {
    return effectiveLength(label) * Math.log2(alphabetSize(label));
}
