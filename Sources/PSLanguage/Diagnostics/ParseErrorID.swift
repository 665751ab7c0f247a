/// The parse error ids eflowsh reports: PowerShell's own `ParserStrings` names and messages,
/// so that scripts, tests and users see what PowerShell would show. A few ids exist only here,
/// for syntax eflowsh deliberately does not support (classes, enums, DSC, workflows); their
/// messages say so.
///
/// Cases are sorted alphabetically.
public enum ParseErrorID: String, Sendable, Hashable, CaseIterable {
  case backgroundOperatorInPipelineChain = "BackgroundOperatorInPipelineChain"
  case badNumericConstant = "BadNumericConstant"
  case classNotSupported = "ClassNotSupported"
  case configurationNotSupported = "ConfigurationNotSupported"
  case controlLeavingFinally = "ControlLeavingFinally"
  case duplicateFormalParameter = "DuplicateFormalParameter"
  case duplicateKeyInHashLiteral = "DuplicateKeyInHashLiteral"
  case duplicateNamedArgument = "DuplicateNamedArgument"
  case duplicateScriptCommandClause = "DuplicateScriptCommandClause"
  case emptyCatchNotLast = "EmptyCatchNotLast"
  case emptyPipeElement = "EmptyPipeElement"
  case emptyPipelineChainElement = "EmptyPipelineChainElement"
  case emptyVariableReference = "EmptyVariableReference"
  case endSquareBracketExpectedAtEndOfAttribute = "EndSquareBracketExpectedAtEndOfAttribute"
  case endSquareBracketExpectedAtEndOfType = "EndSquareBracketExpectedAtEndOfType"
  case enumNotSupported = "EnumNotSupported"
  case expectedExpression = "ExpectedExpression"
  case expectedValueExpression = "ExpectedValueExpression"
  case expressionsMustBeFirstInPipeline = "ExpressionsMustBeFirstInPipeline"
  case ifStatementMissingCondition = "IfStatementMissingCondition"
  case incompleteDollarSubexpressionReference = "IncompleteDollarSubexpressionReference"
  case incompleteDollarVariableReference = "IncompleteDollarVariableReference"
  case incompleteString = "IncompleteString"
  case invalidFunctionParameter = "InvalidFunctionParameter"
  case invalidLeftHandSide = "InvalidLeftHandSide"
  case invalidParameterForDataSectionStatement = "InvalidParameterForDataSectionStatement"
  case invalidSwitchFlag = "InvalidSwitchFlag"
  case invalidUnicodeEscapeSequence = "InvalidUnicodeEscapeSequence"
  case invalidUnicodeEscapeSequenceValue = "InvalidUnicodeEscapeSequenceValue"
  case invalidVariableReferenceWithDrive = "InvalidVariableReferenceWithDrive"
  case missingArgument = "MissingArgument"
  case missingArrayIndexExpression = "MissingArrayIndexExpression"
  case missingCatchHandlerBlock = "MissingCatchHandlerBlock"
  case missingCatchOrFinally = "MissingCatchOrFinally"
  case missingColonInTernaryExpression = "MissingColonInTernaryExpression"
  case missingCurlyBraceInSwitchStatement = "MissingCurlyBraceInSwitchStatement"
  case missingEndCurlyBrace = "MissingEndCurlyBrace"
  case missingEndParenthesisAfterForeach = "MissingEndParenthesisAfterForeach"
  case missingEndParenthesisAfterStatement = "MissingEndParenthesisAfterStatement"
  case missingEndParenthesisInExpression = "MissingEndParenthesisInExpression"
  case missingEndParenthesisInFunctionParameterList = "MissingEndParenthesisInFunctionParameterList"
  case missingEndParenthesisInMethodCall = "MissingEndParenthesisInMethodCall"
  case missingEndParenthesisInSubexpression = "MissingEndParenthesisInSubexpression"
  case missingEndParenthesisInSwitchStatement = "MissingEndParenthesisInSwitchStatement"
  case missingEndSquareBracket = "MissingEndSquareBracket"
  case missingEqualsInHashLiteral = "MissingEqualsInHashLiteral"
  case missingEqualsInPropertyAssignmentBlock = "MissingEqualsInPropertyAssignmentBlock"
  case missingExpression = "MissingExpression"
  case missingExpressionAfterKeyword = "MissingExpressionAfterKeyword"
  case missingExpressionAfterOperator = "MissingExpressionAfterOperator"
  case missingExpressionAfterToken = "MissingExpressionAfterToken"
  case missingFileSpecification = "MissingFileSpecification"
  case missingFilenameOption = "MissingFilenameOption"
  case missingFinallyStatementBlock = "MissingFinallyStatementBlock"
  case missingForeachExpression = "MissingForeachExpression"
  case missingForeachStatement = "MissingForeachStatement"
  case missingFunctionBody = "MissingFunctionBody"
  case missingInInForeach = "MissingInInForeach"
  case missingLoopStatement = "MissingLoopStatement"
  case missingMethodParameterList = "MissingMethodParameterList"
  case missingNameAfterKeyword = "MissingNameAfterKeyword"
  case missingNamedBlocks = "MissingNamedBlocks"
  case missingNamedStatementBlock = "MissingNamedStatementBlock"
  case missingOpenParenthesisAfterKeyword = "MissingOpenParenthesisAfterKeyword"
  case missingOpenParenthesisInIfStatement = "MissingOpenParenthesisInIfStatement"
  case missingPropertyName = "MissingPropertyName"
  case missingStatementAfterKeyword = "MissingStatementAfterKeyword"
  case missingStatementBlock = "MissingStatementBlock"
  case missingStatementBlockAfterElse = "MissingStatementBlockAfterElse"
  case missingStatementBlockForDataSection = "MissingStatementBlockForDataSection"
  case missingStatementInHashLiteral = "MissingStatementInHashLiteral"
  case missingSwitchConditionExpression = "MissingSwitchConditionExpression"
  case missingSwitchStatementClause = "MissingSwitchStatementClause"
  case missingTerminatorMultiLineComment = "MissingTerminatorMultiLineComment"
  case missingTrapStatement = "MissingTrapStatement"
  case missingTryStatementBlock = "MissingTryStatementBlock"
  case missingTypeLiteralToken = "MissingTypeLiteralToken"
  case missingTypename = "MissingTypename"
  case missingUnicodeEscapeSequenceTerminator = "MissingUnicodeEscapeSequenceTerminator"
  case missingValueForSupportedCommandInDataSectionStatement = "MissingValueForSupportedCommandInDataSectionStatement"
  case missingVariableNameAfterForeach = "MissingVariableNameAfterForeach"
  case missingWhileOrUntilInDoWhile = "MissingWhileOrUntilInDoWhile"
  case multipleSwitchDefaultClauses = "MultipleSwitchDefaultClauses"
  case operatorRequiresVariableOrProperty = "OperatorRequiresVariableOrProperty"
  case parameterRequiresArgument = "ParameterRequiresArgument"
  case pipelineValueRequired = "PipelineValueRequired"
  case redirectionNotSupported = "RedirectionNotSupported"
  case referenceNeedsToBeByItselfInTypeConstraint = "ReferenceNeedsToBeByItselfInTypeConstraint"
  case referenceNeedsToBeByItselfInTypeSequence = "ReferenceNeedsToBeByItselfInTypeSequence"
  case referenceNeedsToBeLastTypeInTypeConversion = "ReferenceNeedsToBeLastTypeInTypeConversion"
  case reservedKeywordNotAllowed = "ReservedKeywordNotAllowed"
  case scriptTooComplicated = "ScriptTooComplicated"
  case splattingNotPermitted = "SplattingNotPermitted"
  case splattingNotPermittedInArgumentList = "SplattingNotPermittedInArgumentList"
  case streamAlreadyRedirected = "StreamAlreadyRedirected"
  case terminatorExpectedAtEndOfString = "TerminatorExpectedAtEndOfString"
  case tooManyDigitsInUnicodeEscapeSequence = "TooManyDigitsInUnicodeEscapeSequence"
  case typeNameExpected = "TypeNameExpected"
  case typeNotAllowedBeforeStatement = "TypeNotAllowedBeforeStatement"
  case unexpectedAttribute = "UnexpectedAttribute"
  case unexpectedCharactersAfterHereStringHeader = "UnexpectedCharactersAfterHereStringHeader"
  case unexpectedKeyword = "UnexpectedKeyword"
  case unexpectedToken = "UnexpectedToken"
  case unsupportedReservedKeyword = "UnsupportedReservedKeyword"
  case usingMustBeAtStartOfScript = "UsingMustBeAtStartOfScript"
  case usingNotSupported = "UsingNotSupported"
  case voidTypeConstraintNotAllowed = "VoidTypeConstraintNotAllowed"
  case whitespaceBeforeHereStringFooter = "WhitespaceBeforeHereStringFooter"
  case workflowNotSupported = "WorkflowNotSupported"

  /// The message template, with .NET composite-format placeholders (`{0}`).
  public var template: String {
    switch self {
    case .backgroundOperatorInPipelineChain:
      return "Background operators can only be used at the end of a pipeline chain."
    case .badNumericConstant:
      return "The numeric constant {0} is not valid."
    case .classNotSupported:
      return "The 'class' keyword is not supported by eflowsh: PowerShell classes are out of scope."
    case .configurationNotSupported:
      return "The 'configuration' keyword is not supported by eflowsh: DSC configurations are out of scope."
    case .controlLeavingFinally:
      return "Flow of control cannot leave a Finally block."
    case .duplicateFormalParameter:
      return "Duplicate parameter ${0} in parameter list."
    case .duplicateKeyInHashLiteral:
      return "Duplicate keys '{0}' are not allowed in hash literals."
    case .duplicateNamedArgument:
      return "Duplicate named arguments '{0}' are not allowed."
    case .duplicateScriptCommandClause:
      return "Script command clause '{0}' has already been defined."
    case .emptyCatchNotLast:
      return "Catch block must be the last catch block."
    case .emptyPipeElement:
      return "An empty pipe element is not allowed."
    case .emptyPipelineChainElement:
      return "A pipeline chain operator must be followed by a pipeline."
    case .emptyVariableReference:
      return "An empty ${} variable reference was found. A name is required inside the braces."
    case .endSquareBracketExpectedAtEndOfAttribute:
      return "Missing ] at end of attribute or type literal."
    case .endSquareBracketExpectedAtEndOfType:
      return "Missing ] at end of type token."
    case .enumNotSupported:
      return "The 'enum' keyword is not supported by eflowsh: PowerShell enums are out of scope."
    case .expectedExpression:
      return "An expression was expected after '('."
    case .expectedValueExpression:
      return "You must provide a value expression following the '{0}' operator."
    case .expressionsMustBeFirstInPipeline:
      return "Expressions are only allowed as the first element of a pipeline."
    case .ifStatementMissingCondition:
      return "Missing condition in if statement after '{0} ('."
    case .incompleteDollarSubexpressionReference:
      return "$(subexpression) is missing the closing ')'."
    case .incompleteDollarVariableReference:
      return "${{variable}} reference starting is missing the closing '}}'."
    case .incompleteString:
      return "Incomplete string token."
    case .invalidFunctionParameter:
      return "Parameter declarations are a comma-separated list of variable names with optional initializer expressions."
    case .invalidLeftHandSide:
      return "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property."
    case .invalidParameterForDataSectionStatement:
      return "The \"{0}\" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand."
    case .invalidSwitchFlag:
      return "The parameter {0} is not valid for the switch statement."
    case .invalidUnicodeEscapeSequence:
      return "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'."
    case .invalidUnicodeEscapeSequenceValue:
      return "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF."
    case .invalidVariableReferenceWithDrive:
      return "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name."
    case .missingArgument:
      return "Missing argument in parameter list."
    case .missingArrayIndexExpression:
      return "Array index expression is missing or not valid."
    case .missingCatchHandlerBlock:
      return "The Catch block is missing its statement block."
    case .missingCatchOrFinally:
      return "The Try statement is missing its Catch or Finally block."
    case .missingColonInTernaryExpression:
      return "Missing ':' in the ternary expression."
    case .missingCurlyBraceInSwitchStatement:
      return "Missing '{' in switch statement."
    case .missingEndCurlyBrace:
      return "Missing closing '}' in statement block or type definition."
    case .missingEndParenthesisAfterForeach:
      return "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}"
    case .missingEndParenthesisAfterStatement:
      return "Missing closing ')' after expression in '{0}' statement."
    case .missingEndParenthesisInExpression:
      return "Missing closing ')' in expression."
    case .missingEndParenthesisInFunctionParameterList:
      return "Missing ')' in function parameter list."
    case .missingEndParenthesisInMethodCall:
      return "Missing ')' in method call."
    case .missingEndParenthesisInSubexpression:
      return "Missing closing ')' in subexpression."
    case .missingEndParenthesisInSwitchStatement:
      return "Missing ')' after expression in switch statement."
    case .missingEndSquareBracket:
      return "Missing ']' after array index expression."
    case .missingEqualsInHashLiteral:
      return "Missing '=' operator after key in hash literal."
    case .missingEqualsInPropertyAssignmentBlock:
      return "Missing '=' operator after key in property assignment."
    case .missingExpression:
      return "Missing expression after '{0}' in pipeline element."
    case .missingExpressionAfterKeyword:
      return "Missing expression after '{0}' in loop."
    case .missingExpressionAfterOperator:
      return "Missing expression after unary operator '{0}'."
    case .missingExpressionAfterToken:
      return "Missing expression after '{0}'."
    case .missingFileSpecification:
      return "Missing file specification after redirection operator."
    case .missingFilenameOption:
      return "Cannot process the 'switch' statement because of a missing file name argument to the -file option."
    case .missingFinallyStatementBlock:
      return "The Finally block is missing its statement block."
    case .missingForeachExpression:
      return "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"
    case .missingForeachStatement:
      return "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"
    case .missingFunctionBody:
      return "Missing function body in function declaration."
    case .missingInInForeach:
      return "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"
    case .missingLoopStatement:
      return "Missing statement body in {0} loop."
    case .missingMethodParameterList:
      return "Missing '(' in class method parameter list."
    case .missingNameAfterKeyword:
      return "Missing name after {0} keyword."
    case .missingNamedBlocks:
      return "unexpected token '{0}', expected 'begin', 'process', 'end', or 'dynamicparam'."
    case .missingNamedStatementBlock:
      return "Missing statement block after '{0}'."
    case .missingOpenParenthesisAfterKeyword:
      return "Missing opening '(' after keyword '{0}'."
    case .missingOpenParenthesisInIfStatement:
      return "Missing '(' after '{0}' in if statement."
    case .missingPropertyName:
      return "Missing property name after reference operator."
    case .missingStatementAfterKeyword:
      return "Missing statement body after keyword '{0}'."
    case .missingStatementBlock:
      return "Missing statement block after {0} ( condition )."
    case .missingStatementBlockAfterElse:
      return "Missing statement block after 'else' keyword."
    case .missingStatementBlockForDataSection:
      return "The Data section is missing its statement block."
    case .missingStatementInHashLiteral:
      return "Missing statement after '=' in hash literal."
    case .missingSwitchConditionExpression:
      return "Missing condition in switch statement clause."
    case .missingSwitchStatementClause:
      return "Missing statement block in switch statement clause."
    case .missingTerminatorMultiLineComment:
      return "The terminator '#>' is missing from the multiline comment."
    case .missingTrapStatement:
      return "The 'trap' statement was incomplete. A trap statement requires a body."
    case .missingTryStatementBlock:
      return "The Try statement is missing its statement block."
    case .missingTypeLiteralToken:
      return "Missing type literal."
    case .missingTypename:
      return "Missing type name after '['."
    case .missingUnicodeEscapeSequenceTerminator:
      return "The Unicode escape sequence is missing the closing '}'."
    case .missingValueForSupportedCommandInDataSectionStatement:
      return "The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter."
    case .missingVariableNameAfterForeach:
      return "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}"
    case .missingWhileOrUntilInDoWhile:
      return "Missing while or until keyword in do loop."
    case .multipleSwitchDefaultClauses:
      return "A switch statement can have only one default clause."
    case .operatorRequiresVariableOrProperty:
      return "The '{0}' operator works only on variables or on properties."
    case .parameterRequiresArgument:
      return "Parameter {0} requires an argument."
    case .pipelineValueRequired:
      return "A switch statement must have one of the following:  '-file file_name' or '( expression )'."
    case .redirectionNotSupported:
      return "The '{0}' operator is reserved for future use."
    case .referenceNeedsToBeByItselfInTypeConstraint:
      return "Cannot use [ref] with other types in a type constraint."
    case .referenceNeedsToBeByItselfInTypeSequence:
      return "Cannot have two occurrences of [ref] in a type sequence."
    case .referenceNeedsToBeLastTypeInTypeConversion:
      return "[ref] can only be the final type in type conversion sequence."
    case .reservedKeywordNotAllowed:
      return "The '{0}' keyword is not supported in this version of the language."
    case .scriptTooComplicated:
      return "Processing was stopped because the script is too complex: blocks, parentheses or expressions are nested more than {0} levels deep."
    case .splattingNotPermitted:
      return "The splatting operator '@' cannot be used to reference variables in an expression. '@{0}' can be used only as an argument to a command. To reference variables in an expression use '${0}'."
    case .splattingNotPermittedInArgumentList:
      return "Splatted variables like '@{0}' cannot be part of a comma-separated list of arguments."
    case .streamAlreadyRedirected:
      return "The {0} for this command is already redirected."
    case .terminatorExpectedAtEndOfString:
      return "The string is missing the terminator: {0}."
    case .tooManyDigitsInUnicodeEscapeSequence:
      return "The Unicode escape sequence contains more than the maximum of six hex digits between braces."
    case .typeNameExpected:
      return "Type name expected."
    case .typeNotAllowedBeforeStatement:
      return "Unexpected type [{0}] was found before statement."
    case .unexpectedAttribute:
      return "Unexpected attribute '{0}'."
    case .unexpectedCharactersAfterHereStringHeader:
      return "No characters are allowed after a here-string header but before the end of the line."
    case .unexpectedKeyword:
      return "Unexpected keyword '{0}'."
    case .unexpectedToken:
      return "Unexpected token '{0}' in expression or statement."
    case .unsupportedReservedKeyword:
      return "The '{0}' keyword is not supported in this version of the language."
    case .usingMustBeAtStartOfScript:
      return "A 'using' statement must appear before any other statements in a script."
    case .usingNotSupported:
      return "The 'using' statement is not supported by eflowsh."
    case .voidTypeConstraintNotAllowed:
      return "[void] cannot be used as a parameter type, or on the left side of an assignment."
    case .whitespaceBeforeHereStringFooter:
      return "White space is not allowed before the string terminator."
    case .workflowNotSupported:
      return "The 'workflow' keyword is not supported by eflowsh: workflows are out of scope."
    }
  }

  /// True for the errors PowerShell reports as incomplete input when they occur at the end of
  /// the text (`ReportIncompleteInput`): the REPL then asks for more.
  public var canBeIncomplete: Bool {
    switch self {
    case .emptyPipeElement,
      .emptyPipelineChainElement,
      .endSquareBracketExpectedAtEndOfAttribute,
      .endSquareBracketExpectedAtEndOfType,
      .expectedExpression,
      .expectedValueExpression,
      .ifStatementMissingCondition,
      .incompleteDollarSubexpressionReference,
      .incompleteDollarVariableReference,
      .incompleteString,
      .invalidFunctionParameter,
      .missingArrayIndexExpression,
      .missingCatchHandlerBlock,
      .missingCatchOrFinally,
      .missingColonInTernaryExpression,
      .missingCurlyBraceInSwitchStatement,
      .missingEndCurlyBrace,
      .missingEndParenthesisAfterForeach,
      .missingEndParenthesisAfterStatement,
      .missingEndParenthesisInExpression,
      .missingEndParenthesisInFunctionParameterList,
      .missingEndParenthesisInMethodCall,
      .missingEndParenthesisInSubexpression,
      .missingEndParenthesisInSwitchStatement,
      .missingEndSquareBracket,
      .missingEqualsInPropertyAssignmentBlock,
      .missingExpression,
      .missingExpressionAfterKeyword,
      .missingExpressionAfterOperator,
      .missingExpressionAfterToken,
      .missingFilenameOption,
      .missingFinallyStatementBlock,
      .missingForeachExpression,
      .missingForeachStatement,
      .missingFunctionBody,
      .missingInInForeach,
      .missingLoopStatement,
      .missingMethodParameterList,
      .missingNameAfterKeyword,
      .missingNamedStatementBlock,
      .missingOpenParenthesisAfterKeyword,
      .missingOpenParenthesisInIfStatement,
      .missingPropertyName,
      .missingStatementAfterKeyword,
      .missingStatementBlock,
      .missingStatementBlockAfterElse,
      .missingStatementBlockForDataSection,
      .missingStatementInHashLiteral,
      .missingSwitchConditionExpression,
      .missingSwitchStatementClause,
      .missingTerminatorMultiLineComment,
      .missingTrapStatement,
      .missingTryStatementBlock,
      .missingTypeLiteralToken,
      .missingTypename,
      .missingValueForSupportedCommandInDataSectionStatement,
      .missingVariableNameAfterForeach,
      .missingWhileOrUntilInDoWhile,
      .pipelineValueRequired,
      .terminatorExpectedAtEndOfString,
      .typeNameExpected,
      .unexpectedAttribute,
      .whitespaceBeforeHereStringFooter:
      return true
    default:
      return false
    }
  }

  /// The message with its placeholders filled in (`{{` and `}}` stand for braces).
  public func message(_ args: [String]) -> String {
    let t = Array(template.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < t.count {
      let c = t[i]
      if c == "{", i + 1 < t.count, t[i + 1] == "{" {
        out.append("{")
        i += 2
      } else if c == "}", i + 1 < t.count, t[i + 1] == "}" {
        out.append("}")
        i += 2
      } else if c == "{", i + 2 < t.count, let d = Int(String(t[i + 1])), t[i + 2] == "}" {
        if d < args.count { out.append(contentsOf: args[d].unicodeScalars) }
        i += 3
      } else {
        out.append(c)
        i += 1
      }
    }
    return String(out)
  }
}
