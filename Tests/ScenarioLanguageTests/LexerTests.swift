import ScenarioLanguage
import Testing

struct LexerTests {
    @Test func wordsAndKeyValuePairsWithColumns() {
        let line = Lexer.lex("topic t partitions=3 # a comment")
        #expect(line.error == nil)
        #expect(line.tokens.map(\.text) == ["topic", "t", "partitions=3"])
        #expect(line.tokens.map(\.column) == [1, 7, 9])
        let pair = line.tokens[2]
        #expect(pair.isKeyValue)
        #expect(pair.key == "partitions")
        #expect(pair.value == "3")
        #expect(pair.valueColumn == 20)
        #expect(!line.tokens[0].isKeyValue)
        #expect(line.text == "topic t partitions=3")
    }

    @Test func leadingWhitespaceTabsAndCarriageReturnsAreSkipped() {
        let line = Lexer.lex("  cluster\tbrokers=3  \r")
        #expect(line.tokens.map(\.text) == ["cluster", "brokers=3"])
        #expect(line.tokens.map(\.column) == [3, 11])
        #expect(line.text == "cluster\tbrokers=3")
    }

    @Test(arguments: ["", "   ", "# only a comment", "   # indented comment"])
    func blankAndCommentLinesHaveNoTokens(_ text: String) {
        let line = Lexer.lex(text)
        #expect(line.tokens.isEmpty)
        #expect(line.error == nil)
    }

    @Test func quotedValuesKeepSpacesHashesAndEscapes() {
        let line = Lexer.lex(#"broker 1 rack="a b # \"c\" \\" # comment"#)
        #expect(line.error == nil)
        #expect(line.tokens.count == 3)
        #expect(line.tokens[2].key == "rack")
        #expect(line.tokens[2].value == #"a b # "c" \"#)
        #expect(line.tokens[2].valueColumn == 15)
    }

    @Test func unterminatedQuoteIsAnErrorAtTheQuote() {
        let line = Lexer.lex(#"broker 1 rack="abc"#)
        #expect(line.error?.column == 15)
        #expect(line.error?.message == "unterminated quoted value")
    }

    @Test func doubleEqualsIsAWordNotAKeyValuePair() {
        let line = Lexer.lex("expect replicas t-6 == 0,4,2")
        #expect(line.tokens.map(\.text) == ["expect", "replicas", "t-6", "==", "0,4,2"])
        #expect(line.tokens.allSatisfy { !$0.isKeyValue })
        #expect(line.tokens[3].column == 21)
        #expect(line.tokens[4].column == 24)
    }

    @Test func onlyTheFirstEqualsSplitsKeyFromValue() {
        let token = Lexer.lex("k=a=b").tokens[0]
        #expect(token.key == "k")
        #expect(token.value == "a=b")
        #expect(token.valueColumn == 3)
    }

    @Test func charactersAfterAClosingQuoteStayInTheToken() {
        // The token's text drops the quotes and escapes; what follows the closing quote is part of the value.
        let line = Lexer.lex(#"  x k="a\"b"c=d next"#)
        #expect(line.tokens.map(\.text) == ["x", #"k=a"bc=d"#, "next"])
        #expect(line.tokens[1].key == "k")
        #expect(line.tokens[1].value == #"a"bc=d"#)
        #expect(line.tokens[1].column == 5)
        #expect(line.tokens[1].valueColumn == 7)
        #expect(line.tokens[2].column == 17)
        #expect(line.text == #"x k="a\"b"c=d next"#)
    }

    @Test func multibyteCharactersCountAsUTF8Bytes() {
        let line = Lexer.lex("broker 1 rack=é x=1")
        #expect(line.tokens.map(\.column) == [1, 8, 10, 18])
    }
}
